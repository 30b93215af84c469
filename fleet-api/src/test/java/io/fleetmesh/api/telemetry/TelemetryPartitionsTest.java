package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class TelemetryPartitionsTest extends IntegrationTest {

    @Autowired
    private TelemetryPartitions partitions;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void createsPartitionsAheadOnDemandAndDropsThosePastTheRetention() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        partitions.ensure(List.of(today.minusDays(10), today.minusDays(45)));
        assertThat(exists(today.minusDays(10))).isTrue();
        assertThat(exists(today.minusDays(45))).isTrue();

        partitions.maintain();

        assertThat(exists(today.minusDays(45))).as("older than the 30-day retention").isFalse();
        assertThat(exists(today.minusDays(10))).isTrue();
        assertThat(exists(today)).isTrue();
        assertThat(exists(today.plusDays(3))).as("three days ahead").isTrue();
    }

    private boolean exists(LocalDate day) {
        String name = "telemetry_p" + day.toString().replace("-", "");
        return jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, name);
    }
}
