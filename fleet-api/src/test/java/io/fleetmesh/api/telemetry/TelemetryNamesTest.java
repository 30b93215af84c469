package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scans that ingest runs on every reading accept exactly what the published patterns accept. */
class TelemetryNamesTest {

    private static final String ALPHABET = "azAZ09_-.é ";

    @Test
    void theChannelScanAgreesWithThePattern() {
        Pattern pattern = Pattern.compile(TelemetryNames.CHANNEL);
        assertThat(TelemetryNames.isChannel("engine.oil")).isTrue();
        assertThat(TelemetryNames.isChannel("a.b.c.d.e")).isFalse();
        assertThat(TelemetryNames.isChannel("a..b")).isFalse();
        assertThat(TelemetryNames.isChannel("x".repeat(33))).isFalse();
        randomNames(40).forEach(name -> assertThat(TelemetryNames.isChannel(name)).as(name)
                .isEqualTo(pattern.matcher(name).matches()));
    }

    @Test
    void theMetricScanAgreesWithThePattern() {
        Pattern pattern = Pattern.compile(TelemetryNames.METRIC);
        assertThat(TelemetryNames.isMetric("Temp_1-b")).isTrue();
        assertThat(TelemetryNames.isMetric("")).isFalse();
        assertThat(TelemetryNames.isMetric(null)).isFalse();
        randomNames(70).forEach(name -> assertThat(TelemetryNames.isMetric(name)).as(name)
                .isEqualTo(pattern.matcher(name).matches()));
    }

    /** Short names over a small alphabet, so that both accepted and refused names come up often. */
    private static Stream<String> randomNames(int maxLength) {
        Random random = new Random(21);
        return Stream.generate(() -> {
            int length = random.nextInt(maxLength + 1);
            StringBuilder name = new StringBuilder();
            for (int i = 0; i < length; i++) {
                name.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'a');
            }
            return name.toString();
        }).limit(50_000);
    }
}
