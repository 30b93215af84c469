package io.fleetmesh.bench;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.devkit.Ports;
import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.edge.config.AgentConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** PostgreSQL, a hub, fleet-api and trucks for the edge benchmarks, all real, all on loopback. */
final class BenchPlatform implements AutoCloseable {

    /** The benchmark database's first administrator (a throwaway database, not a secret). */
    static final String ADMIN_PASSWORD = "bench-admin-password";

    final Database database = Database.temporary();
    final NatsServer hub;
    final ConfigurableApplicationContext api;
    final JdbcTemplate jdbc;
    private final List<EdgeAgent> agents = new ArrayList<>();
    private final Map<String, Map<String, String>> settingsOf = new ConcurrentHashMap<>();

    BenchPlatform() throws IOException {
        this(List.of());
    }

    /** With more fleet-api options ({@code --fleetmesh.mail.host=...}). */
    BenchPlatform(List<String> options) throws IOException {
        hub = NatsServer.hub(Files.createTempDirectory("fleetmesh-bench-hub")).start();
        List<String> arguments = new ArrayList<>(List.of(
                "--fleetmesh.http.port=0",
                "--fleetmesh.security.admin-password=" + ADMIN_PASSWORD,
                "--fleetmesh.log.format=",
                // maps without tiles: the page benchmark's browser measures the page, and never leaves loopback
                "--fleetmesh.ui.map.tiles=",
                "--logging.level.root=WARN",
                "--logging.level.io.fleetmesh.edge.sync.Forwarder=INFO"));
        arguments.addAll(options);
        api = new SpringApplicationBuilder(FleetApiApplication.class).run(FleetApiArguments.of(database, hub,
                arguments.toArray(String[]::new)).toArray(String[]::new));
        jdbc = api.getBean(JdbcTemplate.class);
    }

    /** Registers the device and starts its agent in this JVM. */
    EdgeAgent truck(String id, Properties rules) throws Exception {
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES ('00000000-0000-0000-0000-000000000001', ?, ?, 'reefer-truck')",
                id, id);
        Map<String, String> settings = agentSettings(hub, id);
        settingsOf.put(id, settings);
        return started(settings, rules);
    }

    /** The truck's agent stopped and started again on the same data and ports, as after a power cut (rules none). */
    EdgeAgent restart(EdgeAgent agent) throws Exception {
        agent.close();
        synchronized (agents) {
            agents.remove(agent);
        }
        return started(settingsOf.get(agent.deviceId()), new Properties());
    }

    private EdgeAgent started(Map<String, String> settings, Properties rules) throws Exception {
        EdgeAgent agent = EdgeAgent.create(AgentConfig.load(null, settings), rules);
        agent.start();
        synchronized (agents) {
            agents.add(agent);
        }
        return agent;
    }

    /** The truck's data directory. */
    Path dataDir(String id) {
        return Path.of(settingsOf.get(id).get("FLEETMESH_AGENT_DATA_DIR"));
    }

    static Map<String, String> agentSettings(NatsServer hub, String id) throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("FLEETMESH_AGENT_DEVICE_ID", id);
        settings.put("FLEETMESH_AGENT_HUB_URLS", hub.url());
        settings.put("FLEETMESH_AGENT_HUB_LEAF_URLS", hub.leafUrl());
        settings.put("FLEETMESH_AGENT_DATA_DIR", Files.createTempDirectory("fleetmesh-bench-" + id).toString());
        settings.put("FLEETMESH_AGENT_NATS_PORT", Integer.toString(Ports.free()));
        settings.put("FLEETMESH_AGENT_MQTT_PORT", Integer.toString(Ports.free()));
        // Any FLEETMESH_AGENT_* variable of the benchmark's environment goes to its agents (to compare settings).
        System.getenv().forEach((key, value) -> {
            if (key.startsWith("FLEETMESH_AGENT_")) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    double storedReadings() {
        return api.getBean(MeterRegistry.class).find("fleetmesh.ingest.readings").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        agents.forEach(EdgeAgent::close);
        api.close();
        hub.stop();
        database.close();
    }
}
