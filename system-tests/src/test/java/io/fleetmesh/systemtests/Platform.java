package io.fleetmesh.systemtests;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.devkit.Ports;
import io.fleetmesh.edge.AgentConfig;
import io.fleetmesh.edge.EdgeAgent;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A whole platform for one test class: PostgreSQL, a hub, fleet-api, and trucks each with a real leaf. */
final class Platform implements AutoCloseable {

    static final String TENANT = "00000000-0000-0000-0000-000000000001";

    final Database database = Database.temporary();
    final NatsServer hub = NatsServer.hub(tempDir("hub")).start();
    final JdbcTemplate jdbc = new JdbcTemplate(
            new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
    private final List<AutoCloseable> started = new ArrayList<>();
    private ConfigurableApplicationContext api;

    Platform startApi() {
        api = new SpringApplicationBuilder(FleetApiApplication.class).run(FleetApiArguments.of(database, hub,
                "--fleetmesh.http.port=0", "--fleetmesh.ingest.ack-wait=5s").toArray(String[]::new));
        return this;
    }

    /**
     * Registers the device and starts its agent (in this JVM) with its own leaf server; {@code settings} are extra
     * agent.properties entries (rules, buffer limits).
     */
    EdgeAgent truck(String deviceId, Properties settings) throws Exception {
        register(deviceId);
        EdgeAgent agent = EdgeAgent.create(AgentConfig.load(agentConfigFile(deviceId, settings), Map.of()), settings);
        agent.start();
        started.add(agent);
        return agent;
    }

    /** An agent.properties for this device, on free loopback ports, its store in a fresh directory. */
    Path agentConfigFile(String deviceId, Properties settings) throws IOException {
        Properties file = new Properties();
        file.putAll(settings);
        file.setProperty("device-id", deviceId);
        file.setProperty("hub.urls", hub.url());
        file.setProperty("hub.leaf-urls", hub.leafUrl());
        file.setProperty("data-dir", tempDir("agent-" + deviceId).toString());
        file.setProperty("nats-port", Integer.toString(Ports.free()));
        file.setProperty("mqtt-port", Integer.toString(Ports.free()));
        file.setProperty("heartbeat.interval", "1s");
        Path path = tempDir("config").resolve("agent.properties");
        try (var out = Files.newBufferedWriter(path)) {
            file.store(out, null);
        }
        return path;
    }

    void register(String deviceId) {
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES (?::uuid, ?, ?, 'reefer-truck')",
                TENANT, deviceId, "Truck " + deviceId);
    }

    /** The messages the hub's streams hold on these subjects now, oldest first (not those that arrive meanwhile). */
    List<Message> hubMessages(String subjects) throws Exception {
        List<Message> messages = new ArrayList<>();
        try (Connection connection = Nats.connect(hub.url())) {
            JetStreamSubscription subscription = connection.jetStream().subscribe(subjects, PullSubscribeOptions.builder()
                    .configuration(ConsumerConfiguration.builder().ackPolicy(AckPolicy.None).build()).build());
            long stored = subscription.getConsumerInfo().getNumPending();
            while (messages.size() < stored) {
                messages.addAll(subscription.fetch((int) Math.min(1000, stored - messages.size()), Duration.ofSeconds(2)));
            }
        }
        return messages;
    }

    int rows(String deviceId) {
        return jdbc.queryForObject("SELECT count(*) FROM telemetry WHERE device_id = ?", Integer.class, deviceId);
    }

    static Duration patience() {
        return Duration.ofSeconds(60);
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory("fleetmesh-" + prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
        if (api != null) {
            api.close();
        }
        hub.stop();
        database.close();
    }
}
