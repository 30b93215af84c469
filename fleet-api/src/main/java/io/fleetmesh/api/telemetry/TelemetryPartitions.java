package io.fleetmesh.api.telemetry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Day partitions of the telemetry table: created ahead of time, created on demand for a day a batch needs
 * (a truck catching up on old data), and dropped once wholly older than the retention. Replicas serialise on an
 * advisory lock, so two of them never race on the same DDL.
 */
@Component
class TelemetryPartitions {

    private static final Logger log = LoggerFactory.getLogger(TelemetryPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String PREFIX = "telemetry_p";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TelemetryProperties properties;
    private final Clock clock;
    private final Set<LocalDate> existing = ConcurrentHashMap.newKeySet();

    TelemetryPartitions(JdbcTemplate jdbc, TransactionTemplate transaction, TelemetryProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs at start and hourly. */
    @Scheduled(initialDelay = 0, fixedDelayString = "PT1H")
    void maintain() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        ensure(today.minusDays(1).datesUntil(today.plusDays(properties.partitionsAhead() + 1L)).toList());
        dropOlderThan(today.minusDays(properties.retention().toDays()));
    }

    /** Makes sure a partition exists for each day; cheap once a day is known. */
    void ensure(Collection<LocalDate> days) {
        List<LocalDate> missing = days.stream().distinct().filter(day -> !existing.contains(day)).toList();
        if (!missing.isEmpty()) {
            transaction.executeWithoutResult(status -> {
                lock();
                missing.forEach(this::create);
            });
            existing.addAll(missing);
        }
    }

    private void create(LocalDate day) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + PREFIX + SUFFIX.format(day) + " PARTITION OF telemetry"
                + " FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
    }

    private void dropOlderThan(LocalDate oldestKept) {
        transaction.executeWithoutResult(status -> {
            lock();
            for (String partition : partitions()) {
                LocalDate day = LocalDate.parse(partition.substring(PREFIX.length()), SUFFIX);
                if (day.isBefore(oldestKept)) {
                    jdbc.execute("DROP TABLE " + partition);
                    existing.remove(day);
                    log.info("dropped telemetry partition {} (retention {})", partition, properties.retention());
                }
            }
        });
    }

    private List<String> partitions() {
        return jdbc.queryForList("""
                SELECT c.relname FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                WHERE p.relname = 'telemetry' AND c.relname ~ '^telemetry_p[0-9]{8}$'""", String.class);
    }

    private void lock() {
        jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('fleetmesh.telemetry_partitions'))");
    }
}
