package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.identity.CurrentTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write path against real PostgreSQL: a batch of new readings goes in by COPY, one holding a reading stored
 * already by the statement that skips it, and either way each reading is one row and each device's new range in
 * the channels trip detection follows is recorded, that of a reefer's readings not; a time finer than a
 * microsecond is stored as PostgreSQL rounds it, once.
 */
class TelemetryStoreTest extends IntegrationTest {

    @Autowired
    private TelemetryStore store;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void newReadingsAreCopiedAndARedeliveredOneIsStoredOnceBesideTheNewOnesOfItsBatch() {
        String device = uniqueId("copy");
        createDevice(device);
        Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        Reading first = reading(device, "reefer", t0, 1);
        Reading second = reading(device, "gps", t0.plusSeconds(30), 2);
        Written copied = write(device, first, second);
        assertThat(copied.inserted()).isEqualTo(2);
        assertThat(copied.changes()).as("the gps range only").containsExactly(t0.plusSeconds(30) + " " + t0.plusSeconds(30));

        Reading third = reading(device, "gps", t0.plusSeconds(60), 3);
        Reading fourth = reading(device, "reefer", t0.plusSeconds(90), 4);
        Written skipping = write(device, second, third, fourth);
        assertThat(skipping.inserted()).as("the redelivery skipped").isEqualTo(2);
        assertThat(skipping.changes()).as("the new gps range, none for the reefer reading")
                .contains(t0.plusSeconds(60) + " " + t0.plusSeconds(60))
                .noneMatch(range -> range.contains(t0.plusSeconds(90).toString()));
        assertThat(jdbc.queryForList("SELECT seq FROM telemetry WHERE device_id = ? ORDER BY seq", Long.class, device))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(jdbc.queryForObject("SELECT metrics->>'n' FROM telemetry WHERE device_id = ? AND seq = 3",
                String.class, device)).isEqualTo("3");
    }

    @Test
    void readingsOfChannelsNoFollowerNamesNoteNoChangeOnEitherPath() {
        String device = uniqueId("reefer");
        createDevice(device);
        Instant t0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        Reading first = reading(device, "reefer", t0, 1);
        assertThat(write(device, first).changes()).as("by COPY").isEmpty();
        Written skipping = write(device, first, reading(device, "reefer", t0.plusSeconds(30), 2));
        assertThat(skipping.inserted()).isEqualTo(1);
        assertThat(skipping.changes()).as("by the statement that skips what is stored").isEmpty();
    }

    @Test
    void aTimeFinerThanAMicrosecondIsStoredOnceAsPostgresRoundsIt() {
        String device = uniqueId("nanos");
        createDevice(device);
        Instant ts = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_789);
        Reading reading = reading(device, "reefer", ts, 7);
        assertThat(store.write(CurrentTenant.DEFAULT, List.of(reading), List.of())).isEqualTo(1);
        assertThat(store.write(CurrentTenant.DEFAULT, List.of(reading), List.of())).isZero();
        assertThat(jdbc.queryForObject("SELECT ts FROM telemetry WHERE device_id = ?", java.sql.Timestamp.class, device)
                .toInstant()).isEqualTo(ts.truncatedTo(ChronoUnit.SECONDS).plusNanos(123_457_000));
    }

    private static Reading reading(String device, String channel, Instant ts, long seq) {
        return new Reading(null, device, channel, ts, "{\"n\": %d, \"temp\": -18.5}".formatted(seq), 1_700_000_000_000L, seq);
    }

    private record Written(int inserted, List<String> changes) {
    }

    /** The changes as the batch's own transaction sees them: trip detection takes them once it commits. */
    private Written write(String device, Reading... readings) {
        return new TransactionTemplate(transactions).execute(status -> new Written(
                store.write(CurrentTenant.DEFAULT, List.of(readings), List.of()), changes(device)));
    }

    private List<String> changes(String device) {
        return jdbc.queryForList("SELECT from_ts, to_ts FROM telemetry_changes WHERE device_id = ? ORDER BY from_ts",
                device).stream().map(row -> ((java.sql.Timestamp) row.get("from_ts")).toInstant() + " "
                + ((java.sql.Timestamp) row.get("to_ts")).toInstant()).toList();
    }
}
