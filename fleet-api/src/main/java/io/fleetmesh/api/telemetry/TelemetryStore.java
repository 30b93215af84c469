package io.fleetmesh.api.telemetry;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Writes a batch in one transaction: readings (a redelivered reading conflicts on its identity and is skipped),
 * the time ranges they cover per device in the channels someone follows ({@link TelemetryChanges}), the devices'
 * latest values, and the quarantined messages. Arrays and unnest make each a single statement.
 */
@Component
class TelemetryStore {

    /** The new readings, and per device the time range they cover for whoever follows changes (V16). */
    private static final String INSERT_READINGS = """
            WITH inserted AS (
                INSERT INTO telemetry (tenant_id, device_id, ts, channel, metrics, epoch, seq)
                SELECT ?, d, t::timestamptz, c, m::jsonb, e, s
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS x(d, t, c, m, e, s)
                ON CONFLICT DO NOTHING
                RETURNING tenant_id, device_id, ts, channel),
            changes AS (
                INSERT INTO telemetry_changes (tenant_id, device_id, from_ts, to_ts, channels)
                SELECT tenant_id, device_id, min(ts), max(ts), array_agg(DISTINCT channel)
                FROM inserted WHERE channel = ANY(?::text[]) GROUP BY tenant_id, device_id)
            SELECT count(*) FROM inserted""";
    private static final String INSERT_CHANGES = """
            INSERT INTO telemetry_changes (tenant_id, device_id, from_ts, to_ts, channels)
            SELECT ?, d, min(f::timestamptz), max(t::timestamptz), array_agg(c)
            FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS x(d, c, f, t) GROUP BY d""";
    private static final String UPSERT_STATE = """
            INSERT INTO device_state AS s (tenant_id, device_id, last_seen, last_values)
            SELECT ?, d, t::timestamptz, v::jsonb FROM unnest(?::text[], ?::text[], ?::text[]) AS x(d, t, v)
            ON CONFLICT (tenant_id, device_id) DO UPDATE SET
                last_seen = greatest(s.last_seen, excluded.last_seen),
                last_values = merge_latest_values(s.last_values, excluded.last_values)""";
    /** A redelivered message (its ack was lost) is already there: quarantined once (V13's unique identity). */
    private static final String INSERT_QUARANTINE = "INSERT INTO quarantine (tenant_id, subject, payload, reason,"
            + " stream_seq) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private static final JsonStringEncoder QUOTER = JsonStringEncoder.getInstance();

    private final JdbcTemplate jdbc;
    private final TelemetryChanges changes;

    TelemetryStore(JdbcTemplate jdbc, TelemetryChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** Returns how many readings were new (the rest were redeliveries). */
    @Transactional
    int write(UUID tenantId, List<Reading> readings, List<Rejection> rejections) {
        int inserted = readings.isEmpty() ? 0 : insertReadings(tenantId, readings);
        if (!readings.isEmpty()) {
            upsertState(tenantId, readings);
        }
        quarantine(tenantId, rejections);
        return inserted;
    }

    @Transactional
    void quarantine(UUID tenantId, List<Rejection> rejections) {
        jdbc.batchUpdate(INSERT_QUARANTINE, rejections, 500, (statement, rejection) -> {
            statement.setObject(1, tenantId);
            statement.setString(2, storable(rejection.subject()));
            statement.setBytes(3, rejection.payload());
            statement.setString(4, storable(rejection.cause() + ": " + rejection.reason()));
            statement.setLong(5, rejection.streamSeq());
        });
    }

    /**
     * PostgreSQL text cannot hold NUL, which a subject may carry (NATS allows it) and so may a parser's error message
     * that quotes the payload: one such row would fail the whole batch, again on every redelivery, and stall ingest.
     * The raw payload is kept as it came, in bytea.
     */
    private static String storable(String text) {
        return text.replace('\0', '\uFFFD');
    }

    /** By COPY when all of them are new (the usual case); else by the statement that skips what is stored. */
    private int insertReadings(UUID tenantId, List<Reading> readings) {
        Set<String> followed = changes.followed();
        return jdbc.execute((Connection connection) -> TelemetryCopy.copyIfAllNew(connection, tenantId, readings)
                ? recordChanges(connection, tenantId, readings, followed)
                : insertSkippingStored(connection, tenantId, readings, followed));
    }

    private static int insertSkippingStored(Connection connection, UUID tenantId, List<Reading> readings,
                                            Set<String> followed) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_READINGS)) {
            statement.setObject(1, tenantId);
            statement.setArray(2, texts(connection, readings, Reading::deviceId));
            statement.setArray(3, texts(connection, readings, reading -> reading.ts().toString()));
            statement.setArray(4, texts(connection, readings, Reading::channel));
            statement.setArray(5, texts(connection, readings, Reading::metricsJson));
            statement.setArray(6, longs(connection, readings, Reading::epoch));
            statement.setArray(7, longs(connection, readings, Reading::seq));
            statement.setArray(8, connection.createArrayOf("text", followed.toArray()));
            try (ResultSet inserted = statement.executeQuery()) {
                inserted.next();
                return inserted.getInt(1);
            }
        }
    }

    private record Span(String device, String channel, Instant from, Instant to) {
        Span widened(Span other) {
            return new Span(device, channel, from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
        }
    }

    /** What INSERT_READINGS records of the rows it inserts, for rows a COPY inserted: each device's time range. */
    private static int recordChanges(Connection connection, UUID tenantId, List<Reading> readings, Set<String> followed)
            throws SQLException {
        Map<List<String>, Span> spans = new HashMap<>();
        readings.stream().filter(reading -> followed.contains(reading.channel())).forEach(reading -> spans.merge(
                List.of(reading.deviceId(), reading.channel()),
                new Span(reading.deviceId(), reading.channel(), reading.ts(), reading.ts()), Span::widened));
        if (spans.isEmpty()) {
            return readings.size();
        }
        List<Span> all = List.copyOf(spans.values());
        try (PreparedStatement statement = connection.prepareStatement(INSERT_CHANGES)) {
            statement.setObject(1, tenantId);
            statement.setArray(2, connection.createArrayOf("text", all.stream().map(Span::device).toArray()));
            statement.setArray(3, connection.createArrayOf("text", all.stream().map(Span::channel).toArray()));
            statement.setArray(4, connection.createArrayOf("text", all.stream().map(span -> span.from().toString()).toArray()));
            statement.setArray(5, connection.createArrayOf("text", all.stream().map(span -> span.to().toString()).toArray()));
            statement.executeUpdate();
        }
        return readings.size();
    }

    /** Devices in id order, so concurrent replicas lock device_state rows in the same order. */
    private void upsertState(UUID tenantId, List<Reading> readings) {
        Map<String, List<Reading>> byDevice = readings.stream()
                .collect(Collectors.groupingBy(Reading::deviceId, TreeMap::new, Collectors.toList()));
        List<String> devices = List.copyOf(byDevice.keySet());
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(UPSERT_STATE)) {
                statement.setObject(1, tenantId);
                statement.setArray(2, connection.createArrayOf("text", devices.toArray()));
                statement.setArray(3, connection.createArrayOf("text",
                        devices.stream().map(d -> lastSeen(byDevice.get(d)).toString()).toArray()));
                statement.setArray(4, connection.createArrayOf("text",
                        devices.stream().map(d -> latestValues(byDevice.get(d))).toArray()));
                return statement.executeUpdate();
            }
        });
    }

    private static Instant lastSeen(List<Reading> readings) {
        return readings.stream().map(Reading::ts).max(Comparator.naturalOrder()).orElseThrow();
    }

    /**
     * {"<channel>": {"ts": ..., "metrics": {...}}} with each channel's newest reading of the batch. The metrics are
     * JSON the decoder wrote, so they are put in as they are rather than parsed again.
     */
    private static String latestValues(List<Reading> readings) {
        Map<String, Reading> newest = new TreeMap<>();
        readings.forEach(reading -> newest.merge(reading.channel(), reading, (a, b) -> b.ts().isAfter(a.ts()) ? b : a));
        StringBuilder json = new StringBuilder("{");
        newest.forEach((channel, reading) -> {
            QUOTER.quoteAsString(channel, json.append(json.length() > 1 ? ",\"" : "\""));
            json.append("\":{\"ts\":\"").append(reading.ts()).append("\",\"metrics\":").append(reading.metricsJson()).append('}');
        });
        return json.append('}').toString();
    }

    private static Array texts(Connection connection, List<Reading> readings, Function<Reading, String> field)
            throws SQLException {
        return connection.createArrayOf("text", readings.stream().map(field).toArray());
    }

    private static Array longs(Connection connection, List<Reading> readings, Function<Reading, Long> field)
            throws SQLException {
        return connection.createArrayOf("bigint", readings.stream().map(field).toArray());
    }
}
