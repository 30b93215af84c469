package io.fleetmesh.api.telemetry;

import io.fleetmesh.protocol.AgentStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The whole fleet at a glance, from device_state: presence counts, sync backlogs, applied configurations. */
@Component
public class FleetQueries {

    private static final int BACKLOGS = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration offlineAfter;

    FleetQueries(JdbcClient jdbc, Clock clock, TelemetryProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.offlineAfter = properties.offlineAfter();
    }

    public FleetStatus status(UUID tenant) {
        Timestamp since = Timestamp.from(clock.instant().minus(offlineAfter));
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE %s) AS online, count(*) FILTER (WHERE %s) AS offline,
                               count(*) FILTER (WHERE %s) AS never
                        FROM devices d LEFT JOIN device_state s ON s.tenant_id = d.tenant_id AND s.device_id = d.id
                        WHERE d.tenant_id = :tenant"""
                        .formatted(Presence.ONLINE.condition, Presence.OFFLINE.condition, Presence.NEVER_SEEN.condition))
                .param("tenant", tenant).param("since", since)
                .query((rs, row) -> new FleetStatus(rs.getLong("online"), rs.getLong("offline"), rs.getLong("never"),
                        backlogs(tenant, since)))
                .single();
    }

    private List<FleetStatus.Backlog> backlogs(UUID tenant, Timestamp since) {
        return jdbc.sql("""
                        SELECT device_id, backlog, status_at, oldest FROM (
                          SELECT device_id, status_at, %s AS backlog, coalesce(%s, 0) AS oldest
                          FROM device_state WHERE tenant_id = :tenant AND status IS NOT NULL) s
                        WHERE backlog > 0 ORDER BY backlog DESC, device_id LIMIT :limit"""
                        .formatted(count(AgentStatus.BACKLOG), count(AgentStatus.OLDEST_UNSYNCED_AGE)))
                .param("tenant", tenant).param("limit", BACKLOGS)
                .query((rs, row) -> new FleetStatus.Backlog(rs.getString("device_id"), rs.getLong("backlog"),
                        rs.getLong("oldest"), TelemetryQueries.instant(rs, "status_at"), rs.getTimestamp("status_at").after(since)))
                .list();
    }

    private static String count(String field) {
        return JsonbNumbers.count("status", field);
    }

    /** Every device of the tenant with the configuration version of its last heartbeat, in device id order. */
    public List<AppliedConfig> appliedConfigs(UUID tenant) {
        return applied(tenant, AgentStatus.CONFIG_VERSION);
    }

    /** Every device of the tenant with the subject mappings version of its last heartbeat, in device id order. */
    public List<AppliedConfig> appliedMappings(UUID tenant) {
        return applied(tenant, AgentStatus.MAPPINGS_VERSION);
    }

    private List<AppliedConfig> applied(UUID tenant, String versionField) {
        return jdbc.sql("""
                        SELECT d.id, %s AS applied, s.status_at
                        FROM devices d LEFT JOIN device_state s ON s.tenant_id = d.tenant_id AND s.device_id = d.id
                        WHERE d.tenant_id = :tenant ORDER BY d.id"""
                        .formatted(JsonbNumbers.count("s.status", versionField)))
                .param("tenant", tenant)
                .query((rs, row) -> new AppliedConfig(rs.getString("id"), (Long) rs.getObject("applied"),
                        rs.getTimestamp("status_at") == null ? null : rs.getTimestamp("status_at").toInstant()))
                .list();
    }
}
