package io.fleetmesh.api.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.Unprocessable;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EntryRulesTest {

    private static EntryRequest label(String label) {
        return new EntryRequest(label, "°C", 1, "temperature", null);
    }

    @Test
    void anEntryForAChannelOrAnyChannelIsTheTenantsOwn() {
        MetricEntry entry = EntryRules.entry("reefer.zone-2", "temp_2", label("Zone 2 <b>temp</b>"));
        assertThat(entry).isEqualTo(new MetricEntry("reefer.zone-2", "temp_2", "Zone 2 <b>temp</b>", "°C", 1,
                "temperature", null, MetricEntry.Source.TENANT));
        assertThat(EntryRules.entry("*", "humidity", new EntryRequest("Humidity", "%", null, null, null)).channel())
                .isEqualTo("*");
        assertThat(EntryRules.entry("io", "din1", new EntryRequest("Door switch", null, null, null,
                Map.of("0", "closed", "1", "open"))).states()).containsEntry("1", "open");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reefer", "reefer.", ".reefer", "a.b.c.d.e", "re efer", "reefer/temp", "**", "",
            "<script>", "reefer\u0000"})
    void aChannelNoReadingCouldHaveIsRefused(String channel) {
        assertThatThrownBy(() -> EntryRules.entry(channel, "temp", label("Temp"))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("channel");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "temp.c", "temp c", "<img>", "tëmp"})
    void aMetricNoReadingCouldHaveIsRefused(String metric) {
        assertThatThrownBy(() -> EntryRules.entry("reefer", metric, label("Temp"))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("metric");
        assertThatThrownBy(() -> EntryRules.entry("reefer", "m".repeat(65), label("Temp"))).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"degC", "C", "celsius", "° C", "KM/H", "<script>"})
    void aUnitOutsideTheClosedSetIsUnprocessableAndTheAnswerListsTheUnits(String unit) {
        assertThatThrownBy(() -> EntryRules.entry("reefer", "temp", new EntryRequest("Temp", unit, 1, null, null)))
                .isInstanceOfSatisfying(Unprocessable.class, refusal ->
                        assertThat(refusal.properties().get("units").toString()).contains("°C", "km/h", "rpm", "%"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tab\there", "new\nline", "\u202Eevil", "isolate\u2066", "\ud800lone"})
    void aLabelMustBeReadableText(String text) {
        assertThatThrownBy(() -> EntryRules.entry("reefer", "temp", label(text))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("label");
        assertThatThrownBy(() -> EntryRules.entry("reefer", "temp", label(null))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> EntryRules.entry("reefer", "temp", label("x".repeat(65)))).isInstanceOf(InvalidInput.class);
        assertThat(EntryRules.entry("reefer", "temp", label("🚚".repeat(64))).label()).hasSize(128);
    }

    @Test
    void precisionChartAndStatesHaveTheirBounds() {
        assertThatThrownBy(() -> EntryRules.entry("r", "t", new EntryRequest("T", null, 7, null, null)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("precision");
        assertThatThrownBy(() -> EntryRules.entry("r", "t", new EntryRequest("T", null, -1, null, null)))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> EntryRules.entry("r", "t", new EntryRequest("T", null, null, "Temp Chart", null)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("chart");
        assertThatThrownBy(() -> EntryRules.entry("r", "t", new EntryRequest("T", null, null, null, Map.of())))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("states");
        assertThatThrownBy(() -> EntryRules.entry("r", "t", new EntryRequest("T", null, null, null, Map.of("1", "\u0007"))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("state '1'");
        assertThatThrownBy(() -> EntryRules.entry("r", "t", null)).isInstanceOf(InvalidInput.class);
    }
}
