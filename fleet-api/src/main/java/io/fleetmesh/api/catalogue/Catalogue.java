package io.fleetmesh.api.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's effective catalogue: the built-in entries, each replaced by the tenant's entry for the same channel and
 * metric if there is one, then the tenant's additions. A metric's entry is the one for its channel, else the one for
 * any channel ({@code *}): the most specific wins, and on the same key the tenant's.
 */
public final class Catalogue {

    private final List<MetricEntry> entries;
    private final Map<String, Integer> positions = new HashMap<>();

    private Catalogue(List<MetricEntry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            positions.put(key(this.entries.get(i).channel(), this.entries.get(i).metric()), i);
        }
    }

    /** The built-in entries alone: a tenant's catalogue before it adds any. */
    public static Catalogue builtIn() {
        return merge(DefaultCatalogue.ENTRIES, List.of());
    }

    static Catalogue merge(List<MetricEntry> defaults, List<MetricEntry> tenant) {
        List<MetricEntry> merged = new ArrayList<>(defaults);
        for (MetricEntry own : tenant) {
            int same = indexOf(merged, own);
            if (same >= 0) {
                merged.set(same, own);
            } else {
                merged.add(own);
            }
        }
        return new Catalogue(merged);
    }

    public List<MetricEntry> entries() {
        return entries;
    }

    public Optional<MetricEntry> find(String channel, String metric) {
        return Optional.ofNullable(position(channel, metric)).map(entries::get);
    }

    /** Where the metric's entry is listed (fields are shown in this order), or none for an unknown metric. */
    public Optional<Integer> rank(String channel, String metric) {
        return Optional.ofNullable(position(channel, metric));
    }

    /** The metric's label, or its own name if the catalogue does not know it. */
    public String label(String channel, String metric) {
        return find(channel, metric).map(MetricEntry::label).orElse(metric);
    }

    /** The value as the page shows it ("-17.7 °C", "2,424 rpm", "closed"), unformatted for an unknown metric. */
    public String text(String channel, String metric, JsonNode value, Locale locale) {
        return MetricFormat.text(find(channel, metric).orElse(null), value, locale);
    }

    private Integer position(String channel, String metric) {
        Integer exact = positions.get(key(channel, metric));
        return exact != null ? exact : positions.get(key(MetricEntry.ANY_CHANNEL, metric));
    }

    private static int indexOf(List<MetricEntry> entries, MetricEntry entry) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sameKey(entry)) {
                return i;
            }
        }
        return -1;
    }

    /** Channels have no "/", metrics neither: the pair is unambiguous. */
    private static String key(String channel, String metric) {
        return channel + "/" + metric;
    }
}
