package io.fleetmesh.api.telemetry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A device's stored readings of some channels after a time, in the order they were taken, for followers. */
@Component
public class DeviceReadings {

    private final JdbcClient jdbc;

    DeviceReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} readings after {@code after} (all of them if null), by time, then channel, then identity. */
    public List<ReadingsStored.Stored> after(UUID tenant, String device, List<String> channels, Instant after, int limit) {
        return jdbc.sql("""
                        SELECT device_id, channel, ts, metrics::text FROM telemetry
                        WHERE tenant_id = :tenant AND device_id = :device AND ts > :after AND channel IN (:channels)
                        ORDER BY ts, channel, epoch, seq LIMIT :limit""")
                .param("tenant", tenant).param("device", device)
                .param("after", Timestamp.from(after == null ? Instant.EPOCH : after))
                .param("channels", channels).param("limit", limit)
                .query((rs, row) -> new ReadingsStored.Stored(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }
}
