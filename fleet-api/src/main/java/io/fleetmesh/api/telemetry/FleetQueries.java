package io.fleetmesh.api.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;
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
                        SELECT device_id, (status ->> 'backlog')::numeric::bigint AS backlog, status_at,
                               coalesce((status ->> 'oldestUnsyncedAgeSeconds')::numeric::bigint, 0) AS oldest
                        FROM device_state
                        WHERE tenant_id = :tenant AND jsonb_typeof(status -> 'backlog') = 'number'
                          AND (status ->> 'backlog')::numeric > 0
                        ORDER BY backlog DESC, device_id LIMIT :limit""")
                .param("tenant", tenant).param("limit", BACKLOGS)
                .query((rs, row) -> new FleetStatus.Backlog(rs.getString("device_id"), rs.getLong("backlog"),
                        rs.getLong("oldest"), instant(rs, "status_at"), rs.getTimestamp("status_at").after(since)))
                .list();
    }

    /** Each device's latest gps position, by device id. */
    public List<Position> positions(UUID tenant) {
        return jdbc.sql("""
                        SELECT device_id, (last_values #>> '{gps,metrics,lat}')::float8 AS lat,
                               (last_values #>> '{gps,metrics,lon}')::float8 AS lon, (last_values #>> '{gps,ts}') AS ts
                        FROM device_state
                        WHERE tenant_id = :tenant AND jsonb_typeof(last_values #> '{gps,metrics,lat}') = 'number'
                          AND jsonb_typeof(last_values #> '{gps,metrics,lon}') = 'number'
                        ORDER BY device_id""")
                .param("tenant", tenant)
                .query((rs, row) -> new Position(rs.getString("device_id"), rs.getDouble("lat"), rs.getDouble("lon"),
                        Instant.parse(rs.getString("ts"))))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
