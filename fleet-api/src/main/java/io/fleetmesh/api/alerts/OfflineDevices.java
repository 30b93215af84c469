package io.fleetmesh.api.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cloud's {@code device-offline} rule: a device whose last heartbeat is older than
 * {@code fleetmesh.alerts.offline-after} gets an alert; its next heartbeat resolves it. Devices that never sent one
 * are not offline, only never seen. Every replica checks; the one open alert per (device, rule) keeps it single.
 */
@Component
class OfflineDevices {

    static final String RULE = "device-offline";
    private static final String SILENT = """
            SELECT s.tenant_id, s.device_id, s.status_at FROM device_state s
            WHERE s.status_at < ? AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.tenant_id = s.tenant_id
                AND a.device_id = s.device_id AND a.rule_id = 'device-offline' AND a.state <> 'RESOLVED')""";
    private static final String BACK = """
            SELECT a.tenant_id, a.device_id FROM alerts a JOIN device_state s
                ON s.tenant_id = a.tenant_id AND s.device_id = a.device_id
            WHERE a.rule_id = 'device-offline' AND a.state <> 'RESOLVED' AND s.status_at >= ?""";

    private final AlertBook book;
    private final JdbcTemplate jdbc;
    private final AlertProperties properties;
    private final Clock clock;

    OfflineDevices(AlertBook book, JdbcTemplate jdbc, AlertProperties properties, Clock clock) {
        this.book = book;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fleetmesh.alerts.offline-check:30s}")
    void check() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.offlineAfter()));
        jdbc.queryForList(SILENT, cutoff).forEach(this::offline);
        jdbc.queryForList(BACK, cutoff).forEach(row -> book.clear((UUID) row.get("tenant_id"),
                (String) row.get("device_id"), RULE, "cloud", "heartbeats are back", clock.instant()));
    }

    private void offline(Map<String, Object> row) {
        Instant last = ((Timestamp) row.get("status_at")).toInstant();
        book.raise(new AlertRaise((UUID) row.get("tenant_id"), (String) row.get("device_id"), RULE, AlertSource.CLOUD,
                Severity.WARNING, "no heartbeat since " + last + " (more than " + properties.offlineAfter() + ")",
                null, null, null, clock.instant(), null, false));
    }
}
