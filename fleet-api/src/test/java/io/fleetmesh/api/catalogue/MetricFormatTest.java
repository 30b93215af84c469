package io.fleetmesh.api.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MetricFormatTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static MetricEntry entry(String unit, Integer precision) {
        return new MetricEntry("c", "m", "M", unit, precision, null, null, MetricEntry.Source.DEFAULT);
    }

    private static JsonNode value(String text) {
        return json.readTree(text);
    }

    @Test
    void numbersGetTheirDecimalsGroupingAndUnit() {
        assertThat(MetricFormat.text(entry("°C", 1), value("-17.66"), Locale.US)).isEqualTo("-17.7 °C");
        assertThat(MetricFormat.text(entry("°C", 1), value("-18"), Locale.US)).isEqualTo("-18.0 °C");
        assertThat(MetricFormat.text(entry("rpm", 0), value("2424"), Locale.US)).isEqualTo("2,424 rpm");
        assertThat(MetricFormat.text(entry("km/h", 0), value("73.5"), Locale.US)).as("half away from zero").isEqualTo("74 km/h");
        assertThat(MetricFormat.text(entry("%", 0), value("80.2"), Locale.US)).isEqualTo("80%");
        assertThat(MetricFormat.text(entry("°", 0), value("270"), Locale.US)).isEqualTo("270°");
        assertThat(MetricFormat.text(entry(null, 0), value("9"), Locale.US)).isEqualTo("9");
        assertThat(MetricFormat.text(entry("V", null), value("12.34567"), Locale.US)).isEqualTo("12.346 V");
    }

    @Test
    void theReadersLocaleDecidesSeparators() {
        assertThat(MetricFormat.text(entry("rpm", 1), value("2424.25"), Locale.GERMANY)).isEqualTo("2.424,3 rpm");
        assertThat(MetricFormat.text(entry("°C", 1), value("-17.66"), Locale.FRANCE)).isEqualTo("-17,7 °C");
    }

    @Test
    void statesNameTextAndEnumeratedValuesAndOthersShowAsSent() {
        MetricEntry door = new MetricEntry("reefer", "door", "Door", null, null, null,
                Map.of("closed", "closed", "open", "OPEN!"), MetricEntry.Source.DEFAULT);
        MetricEntry ignition = new MetricEntry("*", "ignition", "Ignition", null, null, null,
                Map.of("1", "on", "0", "off"), MetricEntry.Source.DEFAULT);
        assertThat(MetricFormat.text(door, value("\"open\""), Locale.US)).isEqualTo("OPEN!");
        assertThat(MetricFormat.text(door, value("\"ajar\""), Locale.US)).isEqualTo("ajar");
        assertThat(MetricFormat.text(ignition, value("1"), Locale.US)).isEqualTo("on");
        assertThat(MetricFormat.text(ignition, value("1.0"), Locale.US)).isEqualTo("on");
        assertThat(MetricFormat.text(ignition, value("0.5"), Locale.US)).isEqualTo("0.5");
        assertThat(MetricFormat.text(entry("°C", 1), value("\"n/a\""), Locale.US)).isEqualTo("n/a");
        assertThat(MetricFormat.text(null, value("-17.6612"), Locale.US)).as("unknown: unformatted").isEqualTo("-17.6612");
        assertThat(MetricFormat.text(null, value("\"<b>x</b>\""), Locale.US)).isEqualTo("<b>x</b>");
    }
}
