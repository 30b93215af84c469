package io.fleetmesh.api.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CatalogueTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static MetricEntry own(String channel, String metric, String label, String unit) {
        return new MetricEntry(channel, metric, label, unit, 1, null, null, MetricEntry.Source.TENANT);
    }

    @Test
    void theDefaultsCoverWhatTheSimulatedTruckSends() {
        Catalogue defaults = Catalogue.merge(DefaultCatalogue.ENTRIES, List.of());
        for (String metric : List.of("gps/lat", "gps/lon", "gps/speed", "gps/heading", "reefer/temp", "reefer/setpoint",
                "reefer/compressorTemp", "reefer/door", "engine/rpm", "engine/coolant", "engine/fuel")) {
            String[] key = metric.split("/");
            assertThat(defaults.find(key[0], key[1])).as(metric).hasValueSatisfying(entry ->
                    assertThat(entry.channel()).isEqualTo(key[0]));
        }
        assertThat(defaults.find("reefer", "temp").orElseThrow().chart())
                .as("the box temperature never shares a chart with the compressor's")
                .isNotEqualTo(defaults.find("reefer", "compressorTemp").orElseThrow().chart());
        assertThat(DefaultCatalogue.ENTRIES).allSatisfy(entry -> {
            EntryRules.checkNames(entry.channel(), entry.metric());
            assertThat(entry.unit() == null || Units.isKnown(entry.unit())).as(entry.metric()).isTrue();
        });
    }

    @Test
    void aTenantsEntryReplacesTheDefaultInPlaceAndItsAdditionsFollow() {
        Catalogue catalogue = Catalogue.merge(DefaultCatalogue.ENTRIES,
                List.of(own("reefer", "temp", "Cargo", "°F"), own("io", "din1", "Door switch", null)));
        assertThat(catalogue.entries()).hasSize(DefaultCatalogue.ENTRIES.size() + 1);
        assertThat(catalogue.find("reefer", "temp").orElseThrow().label()).isEqualTo("Cargo");
        assertThat(catalogue.rank("reefer", "temp")).as("in the default's place")
                .isEqualTo(Catalogue.merge(DefaultCatalogue.ENTRIES, List.of()).rank("reefer", "temp"));
        assertThat(catalogue.entries().get(catalogue.entries().size() - 1).metric()).isEqualTo("din1");
        assertThat(Catalogue.merge(DefaultCatalogue.ENTRIES, List.of()).find("reefer", "temp").orElseThrow().label())
                .as("another tenant's catalogue is untouched").isEqualTo("Box temperature");
    }

    @Test
    void theChannelsOwnEntryWinsOverAnyChannelsAndAnUnknownMetricKeepsItsName() {
        Catalogue catalogue = Catalogue.merge(DefaultCatalogue.ENTRIES, List.of(own("*", "temp", "Sensor", "°C")));
        assertThat(catalogue.label("reefer", "temp")).isEqualTo("Box temperature");
        assertThat(catalogue.label("cabin", "temp")).as("any channel: the tenant's").isEqualTo("Sensor");
        assertThat(catalogue.label("tracker", "humidity")).as("any channel: the default").isEqualTo("Humidity");
        assertThat(catalogue.label("reefer", "mystery")).isEqualTo("mystery");
        assertThat(catalogue.rank("reefer", "mystery")).isEmpty();
        assertThat(catalogue.text("reefer", "mystery", json.readTree("12.3456789"), Locale.US)).isEqualTo("12.3456789");
        assertThat(catalogue.text("reefer", "temp", json.readTree("-17.66"), Locale.US)).isEqualTo("-17.7 °C");
    }
}
