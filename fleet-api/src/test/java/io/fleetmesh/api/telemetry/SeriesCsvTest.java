package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SeriesCsvTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static TelemetrySeries series() {
        Map<String, List<Double>> metrics = new TreeMap<>();
        metrics.put("temp", Arrays.asList(-17.5, null));
        metrics.put("compressorTemp", Arrays.asList(72.0, 1.0E-5));
        metrics.put("-A1", Arrays.asList(1.0, 2.0));
        return new TelemetrySeries("truck-1", "reefer", T0, T0.plusSeconds(12), 6, List.of(T0, T0.plusSeconds(6)), metrics);
    }

    @Test
    void everyMetricIsAColumnAndEveryBucketARow() {
        assertThat(SeriesCsv.of(series(), null)).isEqualTo("""
                time,'-A1,compressorTemp,temp\r
                2026-11-25T10:00:00Z,1,72,-17.5\r
                2026-11-25T10:00:06Z,2,0.00001,\r
                """);
    }

    @Test
    void theColumnsAskedForComeInTheirOrderAndAMetricWithoutValuesIsEmpty() {
        assertThat(SeriesCsv.of(series(), List.of("temp", "setpoint", "temp"))).isEqualTo("""
                time,temp,setpoint\r
                2026-11-25T10:00:00Z,-17.5,\r
                2026-11-25T10:00:06Z,,\r
                """);
    }
}
