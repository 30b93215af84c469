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

/** The whole fleet at a glance, from device_state: presence, sync backlogs, latest positions. */
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
                        SELECT count(*) FILTER (WHERE s.status_at > :since) AS online,
                               count(*) FILTER (WHERE (s.status_at IS NOT NULL OR s.last_seen IS NOT NULL)
                                                  AND (s.status_at IS NULL OR s.status_at <= :since)) AS offline,
                               count(*) FILTER (WHERE s.status_at IS NULL AND s.last_seen IS NULL) AS never
                        FROM devices d LEFT JOIN device_state s ON s.tenant_id = d.tenant_id AND s.device_id = d.id
                        WHERE d.tenant_id = :tenant""")
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

    /**
     * A heartbeat's count field as a bigint, or null: heartbeats are checked for their time only, so a field that is
     * not a number, or out of range, must not fail the query for the whole tenant.
     */
    private static String count(String field) {
        return count("status", field);
    }

    private static String count(String column, String field) {
        return number("(" + column + " -> '" + field + "')", "BETWEEN 0 AND 9e18", "bigint");
    }

    /** A nested CASE: PostgreSQL guarantees the order of WHEN clauses, not of the terms of an AND. */
    private static String number(String value, String range, String type) {
        return "CASE WHEN jsonb_typeof(" + value + ") = 'number' THEN CASE WHEN " + value + "::numeric " + range
                + " THEN " + value + "::numeric::" + type + " END END";
    }

    /** Each device's latest gps position, by device id. */
    public List<Position> positions(UUID tenant) {
        return jdbc.sql("""
                        SELECT device_id, lat, lon, ts FROM (
                          SELECT device_id, last_values #>> '{gps,ts}' AS ts, %s AS lat, %s AS lon
                          FROM device_state WHERE tenant_id = :tenant AND last_values -> 'gps' IS NOT NULL) s
                        WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY device_id"""
                        .formatted(number("(last_values #> '{gps,metrics,lat}')", "BETWEEN -90 AND 90", "float8"),
                                number("(last_values #> '{gps,metrics,lon}')", "BETWEEN -180 AND 180", "float8")))
                .param("tenant", tenant)
                .query((rs, row) -> new Position(rs.getString("device_id"), rs.getDouble("lat"), rs.getDouble("lon"),
                        Instant.parse(rs.getString("ts"))))
                .list();
    }

    /** Every device of the tenant with the configuration version of its last heartbeat, in device id order. */
    public List<AppliedConfig> appliedConfigs(UUID tenant) {
        return jdbc.sql("""
                        SELECT d.id, %s AS applied
                        FROM devices d LEFT JOIN device_state s ON s.tenant_id = d.tenant_id AND s.device_id = d.id
                        WHERE d.tenant_id = :tenant ORDER BY d.id"""
                        .formatted(count("s.status", AgentStatus.CONFIG_VERSION)))
                .param("tenant", tenant)
                .query((rs, row) -> new AppliedConfig(rs.getString("id"), (Long) rs.getObject("applied")))
                .list();
    }
}
