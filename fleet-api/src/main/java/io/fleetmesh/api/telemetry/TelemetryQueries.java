package io.fleetmesh.api.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Read side of telemetry: plain SQL over the partitioned table and device_state; the dashboard reads it too. */
@Component
public class TelemetryQueries {

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final Clock clock;
    private final Duration offlineAfter;

    TelemetryQueries(JdbcClient jdbc, JsonMapper mapper, Clock clock, TelemetryProperties properties) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.clock = clock;
        this.offlineAfter = properties.offlineAfter();
    }

    List<TelemetryPage.Item> readings(TelemetryQuery query) {
        String direction = query.ascending() ? "ASC" : "DESC";
        return jdbc.sql("""
                        SELECT ts, channel, metrics::text FROM telemetry
                        WHERE tenant_id = :tenant AND device_id = :device AND ts >= :from AND ts < :to
                          AND (CAST(:channel AS text) IS NULL OR channel = :channel)
                        ORDER BY ts %1$s, epoch %1$s, seq %1$s LIMIT :limit""".formatted(direction))
                .param("tenant", query.tenantId())
                .param("device", query.deviceId())
                .param("from", Timestamp.from(query.from()))
                .param("to", Timestamp.from(query.to()))
                .param("channel", query.channel())
                .param("limit", query.limit())
                .query((rs, row) -> new TelemetryPage.Item(instant(rs, "ts"), rs.getString("channel"), json(rs.getString(3))))
                .list();
    }

    /** Numeric metrics of one channel averaged per bucket of {@code bucketSeconds}, oldest first (charts). */
    List<SeriesPoint> series(TelemetryQuery query, long bucketSeconds) {
        return jdbc.sql("""
                        SELECT to_timestamp(floor(extract(epoch FROM t.ts) / :bucket) * :bucket) AS bucket,
                               m.key, avg((m.value #>> '{}')::float8) AS value
                        FROM telemetry t, jsonb_each(t.metrics) m
                        WHERE t.tenant_id = :tenant AND t.device_id = :device AND t.channel = :channel
                          AND t.ts >= :from AND t.ts < :to AND jsonb_typeof(m.value) = 'number'
                        GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("bucket", bucketSeconds)
                .param("tenant", query.tenantId())
                .param("device", query.deviceId())
                .param("channel", query.channel())
                .param("from", Timestamp.from(query.from()))
                .param("to", Timestamp.from(query.to()))
                .query((rs, row) -> new SeriesPoint(instant(rs, "bucket"), rs.getString("key"), rs.getDouble("value")))
                .list();
    }

    public LatestValues latest(UUID tenantId, String deviceId) {
        return jdbc.sql("SELECT last_seen, last_values::text FROM device_state WHERE tenant_id = :tenant AND device_id = :device")
                .param("tenant", tenantId)
                .param("device", deviceId)
                .query((rs, row) -> new LatestValues(deviceId, instant(rs, "last_seen"), channels(json(rs.getString(2)))))
                .optional()
                .orElse(new LatestValues(deviceId, null, Map.of()));
    }

    /** Online: a heartbeat within {@code fleetmesh.telemetry.offline-after}. */
    public DeviceStatus status(UUID tenantId, String deviceId) {
        Instant onlineSince = clock.instant().minus(offlineAfter);
        return jdbc.sql("SELECT status_at, status::text FROM device_state WHERE tenant_id = :tenant AND device_id = :device")
                .param("tenant", tenantId)
                .param("device", deviceId)
                .query((rs, row) -> status(deviceId, instant(rs, "status_at"), rs.getString(2), onlineSince))
                .optional()
                .orElse(new DeviceStatus(deviceId, false, null, null));
    }

    private DeviceStatus status(String deviceId, Instant at, String agent, Instant onlineSince) {
        return new DeviceStatus(deviceId, at != null && at.isAfter(onlineSince), at, agent == null ? null : json(agent));
    }

    private Map<String, LatestValues.Channel> channels(JsonNode lastValues) {
        Map<String, LatestValues.Channel> channels = new TreeMap<>();
        for (Map.Entry<String, JsonNode> channel : lastValues.properties()) {
            JsonNode value = channel.getValue();
            channels.put(channel.getKey(),
                    new LatestValues.Channel(Instant.parse(value.get("ts").stringValue()), value.get("metrics")));
        }
        return channels;
    }

    private JsonNode json(String text) {
        return mapper.readTree(text);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
