package io.fleetmesh.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.Mosquitto;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The classic hub-and-spoke pipeline, given its best chance: Debian's Mosquitto with no in-flight or queue limit
 * (its default queue of 1,000 would drop messages), trucks publishing MQTT QoS 1, one subscriber (QoS 1, acking as
 * it receives, as such subscribers do) whose writers batch-insert into the same telemetry table. What it lacks is
 * durability: the broker holds messages in memory only, and the subscriber's acks precede the inserts.
 */
final class MosquittoBaseline implements AutoCloseable {

    static final List<String> SETTINGS = List.of("max_inflight_messages 0", "max_queued_messages 0");
    private static final String TENANT = "00000000-0000-0000-0000-000000000001";
    private static final String INSERT = "INSERT INTO telemetry (tenant_id, device_id, ts, channel, metrics, epoch, seq)"
            + " VALUES (?::uuid, ?, ?, ?, ?::jsonb, 1, ?) ON CONFLICT DO NOTHING";
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Mosquitto broker;
    private final Mqtt3AsyncClient subscriber;
    private final BlockingQueue<Mqtt3Publish> received = new LinkedBlockingQueue<>();
    private final LongAdder stored = new LongAdder();
    private final AtomicLong seq = new AtomicLong();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    private MosquittoBaseline(Mosquitto broker) {
        this.broker = broker;
        this.subscriber = client("baseline-subscriber");
    }

    static MosquittoBaseline start(Path dir, Database database, int writers, int batch) throws Exception {
        MosquittoBaseline baseline = new MosquittoBaseline(Mosquitto.start(dir, SETTINGS));
        baseline.subscriber.subscribeWith().topicFilter("fleet/+/telemetry/+").qos(MqttQos.AT_LEAST_ONCE)
                .callback(baseline.received::add).send().get(10, TimeUnit.SECONDS);
        for (int w = 0; w < writers; w++) {
            baseline.startWriter(database, batch);
        }
        return baseline;
    }

    long stored() {
        return stored.sum();
    }

    LoadGenerator.PublisherFactory publishers(TelemetryWorkload workload) {
        return index -> {
            Mqtt3AsyncClient client = client("truck-publisher-" + index);
            return new LoadGenerator.Publisher() {
                @Override
                public CompletableFuture<?> send(int i, long nowMillis) {
                    return client.publishWith().topic(workload.topic(i)).qos(MqttQos.AT_LEAST_ONCE)
                            .payload(workload.livePayload(i, nowMillis)).send();
                }

                @Override
                public void close() {
                    client.disconnect().join();
                }
            };
        };
    }

    private Mqtt3AsyncClient client(String id) {
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier(id)
                .serverHost("127.0.0.1").serverPort(broker.port()).buildAsync();
        client.connectWith().cleanSession(true).send().join();
        return client;
    }

    private void startWriter(Database database, int batch) throws SQLException {
        String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        Connection connection = DriverManager.getConnection(url, database.username(), database.password());
        connection.setAutoCommit(false);
        Thread writer = new Thread(() -> write(connection, batch), "baseline-writer-" + writers.size());
        writers.add(writer);
        writer.start();
    }

    private void write(Connection connection, int batch) {
        List<Mqtt3Publish> messages = new ArrayList<>(batch);
        try (connection; PreparedStatement insert = connection.prepareStatement(INSERT)) {
            while (running) {
                if (take(messages, batch)) {
                    insert(connection, insert, messages);
                }
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("baseline writer stopped", e);
        }
    }

    private boolean take(List<Mqtt3Publish> messages, int batch) throws InterruptedException {
        messages.clear();
        Mqtt3Publish first = received.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        messages.add(first);
        received.drainTo(messages, batch - 1);
        return true;
    }

    private void insert(Connection connection, PreparedStatement insert, List<Mqtt3Publish> messages)
            throws SQLException {
        for (Mqtt3Publish message : messages) {
            String[] topic = message.getTopic().toString().split("/");
            ObjectNode metrics = (ObjectNode) json.readTree(message.getPayloadAsBytes());
            insert.setString(1, TENANT);
            insert.setString(2, topic[1]);
            insert.setTimestamp(3, new Timestamp(metrics.remove("ts").asLong()));
            insert.setString(4, topic[3]);
            insert.setString(5, metrics.toString());
            insert.setLong(6, seq.incrementAndGet());
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
        stored.add(messages.size());
    }

    @Override
    public void close() throws Exception {
        running = false;
        for (Thread writer : writers) {
            writer.join();
        }
        subscriber.disconnect().join();
        broker.close();
    }
}
