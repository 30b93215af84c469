package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.devkit.ChaosOutcome;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.NatsCluster;
import io.fleetmesh.devkit.Ports;
import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.edge.config.AgentConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StreamInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Scale-out on loopback, everything real: a 3-node NATS JetStream cluster with the hub streams replicated 3 times,
 * two fleet-api replicas (their own JVMs, started at once on an empty database) sharing the durable consumers, and trucks (agents with their own leaves,
 * linked to the cluster) whose sensors publish throughout. One NATS node and one fleet-api replica are killed
 * (kill -9) in the middle, the stream's leader and the busier replica: ingest goes on, and every reading is in
 * PostgreSQL once.
 */
class ScaleOutTest {

    private static final List<String> TRUCKS = List.of("scale-1", "scale-2");
    private static final int READINGS = 1500;

    @Test
    void killingANatsNodeAndAFleetApiReplicaDuringIngestLosesAndDoublesNothing() throws Exception {
        Path dir = Platform.tempDir("scale-out");
        try (Database database = Database.temporary(); NatsCluster cluster = NatsCluster.start(dir.resolve("hub"), 3)) {
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                    database.password()));
            List<String> settings = List.of("--fleetmesh.db.url=" + database.jdbcUrl(),
                    "--fleetmesh.db.username=" + database.username(), "--fleetmesh.db.password=" + database.password(),
                    "--fleetmesh.nats.urls=" + cluster.urls(), "--fleetmesh.nats.streams.replicas=3",
                    "--fleetmesh.ingest.ack-wait=5s", "--fleetmesh.security.admin-password=scale-out-admin-password",
                    // small pulls: at a few hundred readings a second both replicas tend to get work
                    "--fleetmesh.ingest.batch-size=10");
            // both replicas start at once on the empty database: one migrates it, the other waits for Flyway's lock
            CompletableFuture<FleetApiProcess> starting = CompletableFuture.supplyAsync(() -> replica(dir, "api-2", settings));
            try (FleetApiProcess first = replica(dir, "api-1", settings, starting); FleetApiProcess second = starting.get()) {
                TRUCKS.forEach(truck -> jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES"
                        + " (?::uuid, ?, ?, 'reefer-truck')", Platform.TENANT, truck, truck));
                List<EdgeAgent> agents = new ArrayList<>();
                try {
                    for (String truck : TRUCKS) {
                        agents.add(truck(cluster, dir, truck));
                    }
                    List<CompletableFuture<Void>> sensors = agents.stream().map(ScaleOutTest::sensorsOf).toList();
                    killDuringIngest(cluster, jdbc, List.of(first, second));
                    CompletableFuture.allOf(sensors.toArray(CompletableFuture[]::new)).get();
                    Map<String, Integer> sent = new LinkedHashMap<>();
                    TRUCKS.forEach(truck -> sent.put(truck, READINGS));
                    ChaosOutcome outcome = Chaos.tally(jdbc, "NATS node and fleet-api replica kill -9", sent,
                            "3-node cluster, R3 streams, 2 replicas; the stream leader and the busier replica killed");
                    Chaos.assertExactlyOnceInOrder(jdbc, outcome, TRUCKS);
                } finally {
                    agents.forEach(EdgeAgent::close);
                }
            }
        }
    }

    /**
     * Once ingest is under way, kill -9 the node that leads the TELEMETRY stream, and the replica that has stored
     * the most (it holds unacknowledged work for certain): the survivor must take over its share and the rest.
     */
    private static void killDuringIngest(NatsCluster cluster, JdbcTemplate jdbc, List<FleetApiProcess> replicas)
            throws Exception {
        await().atMost(Platform.patience()).until(() -> rows(jdbc) >= READINGS / 2);
        try (Connection connection = Nats.connect(Options.builder().servers(cluster.urls().split(",")).build())) {
            StreamInfo telemetry = connection.jetStreamManagement().getStreamInfo("TELEMETRY");
            assertThat(telemetry.getConfiguration().getReplicas()).isEqualTo(3);
            cluster.node(telemetry.getClusterInfo().getLeader()).kill();
        }
        FleetApiProcess busiest = replicas.get(0).storedReadings() >= replicas.get(1).storedReadings()
                ? replicas.get(0) : replicas.get(1);
        assertThat(busiest.storedReadings()).isPositive();
        busiest.kill();
        assertThat(rows(jdbc)).as("killed during ingest").isLessThan(TRUCKS.size() * READINGS);
    }

    /** The first replica; if it cannot start, the second one (starting meanwhile) is stopped too. */
    private static FleetApiProcess replica(Path dir, String name, List<String> settings,
                                           CompletableFuture<FleetApiProcess> other) {
        try {
            return replica(dir, name, settings);
        } catch (RuntimeException e) {
            other.thenAccept(ScaleOutTest::closeQuietly);
            throw e;
        }
    }

    private static void closeQuietly(FleetApiProcess api) {
        try {
            api.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FleetApiProcess replica(Path dir, String name, List<String> settings) {
        try {
            return FleetApiProcess.start(dir.resolve(name + ".log"), settings);
        } catch (Exception e) {
            throw new IllegalStateException(name + " did not start", e);
        }
    }

    /** A truck linked to every node of the cluster: its leaf and its sync fail over to another node. */
    private static EdgeAgent truck(NatsCluster cluster, Path dir, String truck) throws Exception {
        Properties file = new Properties();
        file.setProperty("device-id", truck);
        file.setProperty("hub.urls", cluster.urls());
        file.setProperty("hub.leaf-urls", String.join(",", cluster.leafUrls()));
        file.setProperty("data-dir", Files.createDirectories(dir.resolve(truck)).toString());
        file.setProperty("nats-port", Integer.toString(Ports.free()));
        file.setProperty("mqtt-port", Integer.toString(Ports.free()));
        file.setProperty("heartbeat.interval", "1s");
        Path config = dir.resolve(truck + ".properties");
        try (var out = Files.newBufferedWriter(config)) {
            file.store(out, null);
        }
        EdgeAgent agent = EdgeAgent.create(AgentConfig.load(config, Map.of()), new Properties());
        agent.start();
        return agent;
    }

    /** The truck's sensor app, publishing its readings to the leaf in the background, each until it is stored. */
    private static CompletableFuture<Void> sensorsOf(EdgeAgent agent) {
        return CompletableFuture.runAsync(() -> {
            try (Sensor sensor = new Sensor(agent.localUrl(), agent.deviceId())) {
                for (int n = 0; n < READINGS; n += 50) {
                    sensor.publish(n, n + 50);
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static long rows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM telemetry", Long.class);
    }
}
