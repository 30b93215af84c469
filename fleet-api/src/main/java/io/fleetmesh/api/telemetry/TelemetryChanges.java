package io.fleetmesh.api.telemetry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which devices got new readings of a followed channel, and from which time: ingest notes each batch's range per
 * device in the batch's own transaction, and one follower (trip detection) takes them in its own. A follower names
 * its channels when it is made ({@link #follow}); readings of others (a reefer's temperatures, most of a fleet's
 * traffic) note nothing, so they cost neither a row here nor a follower's round. Taken in a repeatable-read
 * transaction, the ranges seen are exactly those whose readings that transaction sees (ADR 0010).
 */
@Component
public class TelemetryChanges {

    public record Changed(UUID tenantId, String deviceId) {
    }

    private final JdbcClient jdbc;
    private final Set<String> followed = ConcurrentHashMap.newKeySet();

    TelemetryChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** From now on, ingest notes the changes of these channels too; a follower calls it before ingest starts. */
    public void follow(Collection<String> channels) {
        followed.addAll(channels);
    }

    /** The channels whose changes ingest notes. */
    public Set<String> followed() {
        return Set.copyOf(followed);
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
