package io.fleetmesh.bench;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.Mosquitto;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The classic hub-and-spoke pipeline, given a fair fight: Debian's Mosquitto with persistence on and no in-flight or
 * queue limit (its default queue of 1,000 would drop messages); trucks publishing MQTT QoS 1; as many subscribers as
 * fleet-api has writers, sharing one subscription ({@code $share}, which Mosquitto also gives MQTT 3.1.1 clients),
 * persistent sessions, each doing fleet-api's writes ({@link BaselineWriter}: the device check, the readings with
 * their change ranges, the latest values). What it still lacks, and says: (1) its subscribers acknowledge a message as
 * it arrives, before the insert. Acknowledging after the commit (the client's manual acknowledgement) made Mosquitto
 * 2.0.11 reuse the packet ids of messages not acknowledged yet, over MQTT 5 past the client's receive maximum and over
 * 3.1.1 past its own in-flight limit, and the client hung up: no run finished. (2) Its persistence is a snapshot of
 * its memory every {@code autosave_interval} second, not a log: a crash loses what it acknowledged since. (3) Nothing
 * drops a repeated message (MQTT has no message id).
 */
final class MosquittoBaseline implements AutoCloseable {

    private static final int IN_FLIGHT = 10_000;
    /**
     * In flight to each subscriber at most what ingest holds unacknowledged over its writers (its max-ack-pending, 20,000,
     * with 2 writers): unlimited, Mosquitto reuses packet ids of messages not acknowledged yet and the client hangs up.
     */
    static final List<String> SETTINGS = List.of("max_inflight_messages " + IN_FLIGHT, "max_queued_messages 0",
            "persistence true", "autosave_interval 1");
    private static final String SHARED = "$share/fleetmesh-bench/fleet/+/telemetry/+";

    private final Mosquitto broker;
    private final LongAdder stored = new LongAdder();
    private final List<Subscriber> subscribers = new ArrayList<>();

    private MosquittoBaseline(Mosquitto broker) {
        this.broker = broker;
    }

    /** {@code writers}: subscribers, each with its own writer and database connection. */
    static MosquittoBaseline start(Path dir, Database database, int writers, int batch, Set<String> followed)
            throws Exception {
        List<String> settings = new ArrayList<>(SETTINGS);
        settings.add("persistence_location " + dir.toAbsolutePath() + "/");
        // run as root, Mosquitto would become the user mosquitto, who cannot write its database into this directory
        settings.add("user " + System.getProperty("user.name"));
        MosquittoBaseline baseline = new MosquittoBaseline(Mosquitto.start(dir, settings));
        for (int w = 0; w < writers; w++) {
            baseline.subscribers.add(baseline.subscribe(database, w, batch, followed));
        }
        return baseline;
    }

    long stored() {
        return stored.sum();
    }

    long pid() {
        return broker.pid();
    }

    LoadGenerator.PublisherFactory publishers(TelemetryWorkload workload) {
        return index -> {
            Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier("truck-publisher-" + index)
                    .serverHost("127.0.0.1").serverPort(broker.port()).buildAsync();
            client.connectWith().cleanSession(true).send().join();
            return new LoadGenerator.Publisher() {
                @Override
                public CompletableFuture<?> send(int i, long stampMillis) {
                    return client.publishWith().topic(workload.topic(i)).qos(MqttQos.AT_LEAST_ONCE)
                            .payload(workload.livePayload(i, stampMillis)).send();
                }

                @Override
                public void close() {
                    client.disconnect().join();
                }
            };
        };
    }

    private Subscriber subscribe(Database database, int index, int batch, Set<String> followed) throws Exception {
        Mqtt3AsyncClient client = MqttClient.builder().useMqttVersion3().identifier("baseline-subscriber-" + index)
                .serverHost("127.0.0.1").serverPort(broker.port()).buildAsync();
        client.connectWith().cleanSession(false).send().get(10, TimeUnit.SECONDS);
        BaselineWriter writer = new BaselineWriter(connect(database), batch, stored, followed);
        client.subscribeWith().topicFilter(SHARED).qos(MqttQos.AT_LEAST_ONCE).callback(writer::received)
                .send().get(10, TimeUnit.SECONDS);
        Thread thread = new Thread(writer, "baseline-writer-" + index);
        thread.start();
        return new Subscriber(client, writer, thread);
    }

    private static Connection connect(Database database) throws SQLException {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
        connection.setAutoCommit(false);
        return connection;
    }

    @Override
    public void close() throws Exception {
        for (Subscriber subscriber : subscribers) {
            subscriber.writer().stop();
            subscriber.thread().join();
            subscriber.client().disconnect().join();
        }
        broker.close();
    }

    private record Subscriber(Mqtt3AsyncClient client, BaselineWriter writer, Thread thread) {
    }
}
