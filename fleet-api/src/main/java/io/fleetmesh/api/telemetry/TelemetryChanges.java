package io.fleetmesh.api.telemetry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which devices got new readings, and from which time: ingest notes each batch's range per device in the batch's
 * own transaction, and one follower (trip detection) takes them in its own. Taken in a repeatable-read transaction,
 * the ranges seen are exactly those whose readings that transaction sees (ADR 0010).
 */
@Component
public class TelemetryChanges {

    public record Changed(UUID tenantId, String deviceId) {
    }

    private final JdbcClient jdbc;

    TelemetryChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Some devices with changes not yet taken. */
    public List<Changed> devices(int limit) {
        return jdbc.sql("SELECT DISTINCT tenant_id, device_id FROM telemetry_changes LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> new Changed(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /**
     * Takes all of a device's changes, and returns the earliest reading time among those of the given channels:
     * a follower of gps need not look again because a late temperature came in.
     */
    public Optional<Instant> take(UUID tenant, String device, List<String> channels) {
        return jdbc.sql("""
                        WITH taken AS (DELETE FROM telemetry_changes WHERE tenant_id = :tenant AND device_id = :device
                                       RETURNING from_ts, channels)
                        SELECT min(from_ts) FROM taken WHERE channels && ARRAY[:channels]::text[]""")
                .param("tenant", tenant).param("device", device).param("channels", channels)
                .query((rs, row) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }
}
