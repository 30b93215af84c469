package io.fleetmesh.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.catalogue.Catalogue;
import io.fleetmesh.api.telemetry.LatestValues;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LatestFieldsTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void knownMetricsComeLabelledInTheCataloguesOrderThenUnknownOnesAsSent() {
        Instant ts = Instant.parse("2026-11-25T10:00:00Z");
        LatestValues latest = new LatestValues("truck-1", ts, Map.of("reefer", new LatestValues.Channel(ts,
                json.readTree("{\"zeta\": 1.23456, \"door\": \"closed\", \"compressorTemp\": 71.04, \"temp\": -17.66}"))));
        Catalogue catalogue = Catalogue.builtIn();

        List<LatestFields> fields = LatestFields.of(latest, catalogue, Locale.US);

        assertThat(fields).singleElement().satisfies(channel -> {
            assertThat(channel.channel()).isEqualTo("reefer");
            assertThat(channel.ts()).isEqualTo(ts);
            assertThat(channel.fields()).extracting(LatestFields.Field::label, LatestFields.Field::text,
                    LatestFields.Field::known).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("Box temperature", "-17.7 °C", true),
                    org.assertj.core.groups.Tuple.tuple("Compressor temperature", "71.0 °C", true),
                    org.assertj.core.groups.Tuple.tuple("Door", "closed", true),
                    org.assertj.core.groups.Tuple.tuple("zeta", "1.23456", false));
        });
    }
}
