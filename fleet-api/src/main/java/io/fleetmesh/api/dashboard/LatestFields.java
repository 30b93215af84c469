package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.catalogue.Catalogue;
import io.fleetmesh.api.telemetry.LatestValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A device's newest reading per channel as labelled, formatted fields, for the page to render before (and without)
 * its script: known metrics in the catalogue's order, then unknown ones by name, unformatted. device.js redraws a
 * channel the same way when a reading arrives.
 */
record LatestFields(String channel, Instant ts, List<Field> fields) {

    /** One metric: its label and its value as text ("-17.7 °C"); {@code known}: the catalogue has an entry for it. */
    record Field(String metric, String label, String text, boolean known) {
    }

    static List<LatestFields> of(LatestValues latest, Catalogue catalogue, Locale locale) {
        List<LatestFields> channels = new ArrayList<>();
        latest.channels().forEach((channel, values) ->
                channels.add(new LatestFields(channel, values.ts(), fields(channel, values.metrics(), catalogue, locale))));
        return channels;
    }

    private static List<Field> fields(String channel, JsonNode metrics, Catalogue catalogue, Locale locale) {
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> metric : metrics.properties()) {
            String name = metric.getKey();
            fields.add(new Field(name, catalogue.label(channel, name), catalogue.text(channel, name, metric.getValue(), locale),
                    catalogue.find(channel, name).isPresent()));
        }
        fields.sort(Comparator.comparing((Field field) -> catalogue.rank(channel, field.metric()).orElse(Integer.MAX_VALUE))
                .thenComparing(Field::metric));
        return fields;
    }
}
