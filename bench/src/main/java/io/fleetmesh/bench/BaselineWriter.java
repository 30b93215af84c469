package io.fleetmesh.bench;

import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Mosquitto subscriber's writer, doing per batch what fleet-api's ingest does (the same statements as its
 * TelemetryStore, so neither pipeline does less): the devices checked as registered, the readings inserted with the
 * time range each device's batch covers, the devices' latest values merged, one commit.
 */
final class BaselineWriter implements Runnable {

    private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final AtomicLong seq = new AtomicLong();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String REGISTERED = "SELECT id FROM devices WHERE tenant_id = ? AND id = ANY(?)";
    private static final String INSERT_READINGS = """
            WITH inserted AS (
                INSERT INTO telemetry (tenant_id, device_id, ts, channel, metrics, epoch, seq)
                SELECT ?, d, t::timestamptz, c, m::jsonb, 1, s
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) AS x(d, t, c, m, s)
                ON CONFLICT DO NOTHING
                RETURNING tenant_id, device_id, ts, channel),
            changes AS (
                INSERT INTO telemetry_changes (tenant_id, device_id, from_ts, to_ts, channels)
                SELECT tenant_id, device_id, min(ts), max(ts), array_agg(DISTINCT channel)
                FROM inserted WHERE channel = ANY(?::text[]) GROUP BY tenant_id, device_id)
            SELECT count(*) FROM inserted""";
    private static final String UPSERT_STATE = """
            INSERT INTO device_state AS s (tenant_id, device_id, last_seen, last_values)
            SELECT ?, d, t::timestamptz, v::jsonb FROM unnest(?::text[], ?::text[], ?::text[]) AS x(d, t, v)
            ON CONFLICT (tenant_id, device_id) DO UPDATE SET
                last_seen = greatest(s.last_seen, excluded.last_seen),
                last_values = merge_latest_values(s.last_values, excluded.last_values)""";

    private record Row(String device, String channel, Instant ts, String metrics) {
    }

    private final Connection connection;
    private final int batch;
    private final LongAdder stored;
    private final Object[] followed;
    private final BlockingQueue<Mqtt3Publish> received = new LinkedBlockingQueue<>();
    private volatile boolean running = true;

    /** {@code followed}: the channels whose change ranges ingest notes (trip detection's), as it does. */
    BaselineWriter(Connection connection, int batch, LongAdder stored, Set<String> followed) {
        this.connection = connection;
        this.batch = batch;
        this.stored = stored;
        this.followed = followed.toArray();
    }

    void received(Mqtt3Publish message) {
        received.add(message);
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        List<Mqtt3Publish> messages = new ArrayList<>(batch);
        try (connection) {
            while (running) {
                if (take(messages)) {
                    write(messages);
                    stored.add(messages.size());
                }
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("baseline writer stopped", e);
        }
    }

    private boolean take(List<Mqtt3Publish> messages) throws InterruptedException {
        messages.clear();
        Mqtt3Publish first = received.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        messages.add(first);
        received.drainTo(messages, batch - 1);
        return true;
    }

    private void write(List<Mqtt3Publish> messages) throws SQLException {
        List<Row> rows = messages.stream().map(BaselineWriter::row).toList();
        Set<String> registered = registered(rows);
        List<Row> known = rows.stream().filter(row -> registered.contains(row.device())).toList();
        insert(known);
        upsertState(known);
        connection.commit();
    }

    private static Row row(Mqtt3Publish message) {
        String[] topic = message.getTopic().toString().split("/");
        ObjectNode metrics = (ObjectNode) json.readTree(message.getPayloadAsBytes());
        Instant ts = Instant.ofEpochMilli(metrics.remove("ts").asLong());
        return new Row(topic[1], topic[3], ts, metrics.toString());
    }

    private Set<String> registered(List<Row> rows) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(REGISTERED)) {
            query.setObject(1, TENANT);
            query.setArray(2, connection.createArrayOf("text", rows.stream().map(Row::device).distinct().toArray()));
            Set<String> registered = new HashSet<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    registered.add(result.getString(1));
                }
            }
            return registered;
        }
    }

    private void insert(List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_READINGS)) {
            insert.setObject(1, TENANT);
            insert.setArray(2, texts(rows.stream().map(Row::device)));
            insert.setArray(3, texts(rows.stream().map(row -> row.ts().toString())));
            insert.setArray(4, texts(rows.stream().map(Row::channel)));
            insert.setArray(5, texts(rows.stream().map(Row::metrics)));
            insert.setArray(6, connection.createArrayOf("bigint", rows.stream().map(row -> seq.incrementAndGet()).toArray()));
            insert.setArray(7, connection.createArrayOf("text", followed));
            insert.executeQuery().close();
        }
    }

    /** Each device's newest reading per channel, in device order (as fleet-api locks them). */
    private void upsertState(List<Row> rows) throws SQLException {
        Map<String, Map<String, Row>> latest = new TreeMap<>();
        rows.forEach(row -> latest.computeIfAbsent(row.device(), d -> new TreeMap<>())
                .merge(row.channel(), row, (a, b) -> b.ts().isAfter(a.ts()) ? b : a));
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_STATE)) {
            upsert.setObject(1, TENANT);
            upsert.setArray(2, texts(latest.keySet().stream()));
            upsert.setArray(3, texts(latest.values().stream().map(channels -> channels.values().stream()
                    .map(Row::ts).max(Instant::compareTo).orElseThrow().toString())));
            upsert.setArray(4, texts(latest.values().stream().map(BaselineWriter::latestValues)));
            upsert.executeUpdate();
        }
    }

    /** As ingest writes them: the metrics put in as the JSON they already are. */
    private static String latestValues(Map<String, Row> channels) {
        return channels.entrySet().stream().map(entry -> json.writeValueAsString(entry.getKey()) + ":{\"ts\":\""
                + entry.getValue().ts() + "\",\"metrics\":" + entry.getValue().metrics() + "}")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private java.sql.Array texts(java.util.stream.Stream<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
