package io.fleetmesh.systemtests;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.devkit.Ports;
import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.edge.config.AgentConfig;
import io.fleetmesh.simulator.Simulator;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A whole platform for one test class: PostgreSQL, a hub, fleet-api, and trucks each with a real leaf. */
final class Platform implements AutoCloseable {

    static final String TENANT = "00000000-0000-0000-0000-000000000001";
    private static final String ADMIN_PASSWORD = "system-test-admin-password";
    private static final JsonMapper json = JsonMapper.builder().build();

    final Database database;
    final NatsServer hub;
    final JdbcTemplate jdbc;
    private final List<AutoCloseable> started = new ArrayList<>();
    private ConfigurableApplicationContext api;
    private final HttpClient http = HttpClient.newHttpClient();
    private String apiKey;
    private String adminPassword = ADMIN_PASSWORD;

    Platform() {
        this(Database.temporary());
    }

    /** On this database (one that can be restarted, for instance). */
    Platform(Database database) {
        this.database = database;
        this.hub = hubOrStop(database);
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password()));
    }

    /** {@code settings}: more fleet-api arguments ({@code --name=value}). */
    Platform startApi(String... settings) {
        List<String> arguments = new ArrayList<>(FleetApiArguments.of(database, hub, "--fleetmesh.http.port=0",
                "--fleetmesh.ingest.ack-wait=5s", "--fleetmesh.security.admin-password=" + ADMIN_PASSWORD));
        arguments.addAll(List.of(settings));
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--fleetmesh.ui.map.tiles="))) {
            arguments.add("--fleetmesh.ui.map.tiles="); // no request may leave loopback: tile-less unless a test serves tiles
        }
        api = new SpringApplicationBuilder(FleetApiApplication.class).run(arguments.toArray(String[]::new));
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) api).getWebServer().getPort();
    }

    String initialAdminPassword() {
        return ADMIN_PASSWORD;
    }

    /** After the administrator changed it (a temporary password must be changed first). */
    void adminPasswordChanged(String password) {
        adminPassword = password;
    }

    /**
     * A REST call with an ADMIN API key (a dispatch system's way: a password's bcrypt check on every call would
     * dominate the timings); the answer's status and JSON body (null if none).
     */
    Answer call(String method, String path, String body) throws Exception {
        if (apiKey == null) {
            String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
            apiKey = "Bearer " + send(basic, "POST", "/api/v1/api-keys",
                    "{\"name\": \"system tests\", \"role\": \"ADMIN\", \"validFor\": \"P1D\"}").body().get("token").stringValue();
        }
        return send(apiKey, method, path, body);
    }

    private Answer send(String authorization, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
    }

    record Answer(int status, JsonNode body) {
    }

    /**
     * Registers the device and starts its agent (in this JVM) with its own leaf server; {@code settings} are extra
     * agent.properties entries (rules, buffer limits).
     */
    EdgeAgent truck(String deviceId, Properties settings) throws Exception {
        register(deviceId);
        return agent(deviceId, settings);
    }

    /** Starts the agent of a registered truck (again, on the same {@code data-dir} if the settings name one). */
    EdgeAgent agent(String deviceId, Properties settings) throws Exception {
        EdgeAgent agent = EdgeAgent.create(AgentConfig.load(agentConfigFile(deviceId, settings), Map.of()), settings);
        started.add(agent);
        agent.start();
        return agent;
    }

    /** Uploads a package as an administrator would ({@code query}: kind, target, signature); the answer's status. */
    int upload(String name, String version, String query, byte[] bytes) throws Exception {
        call("GET", "/api/v1/packages", null); // makes the API key
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/packages/%s/%s?%s"
                        .formatted(name, version, query)))
                .header("Authorization", apiKey).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** An agent.properties for this device, on free loopback ports, its store in a fresh directory. */
    Path agentConfigFile(String deviceId, Properties settings) throws IOException {
        Properties file = new Properties();
        file.putAll(settings);
        file.setProperty("device-id", deviceId);
        file.putIfAbsent("hub.urls", hub.url()); // a test may put a link of its own between truck and hub
        file.setProperty("hub.leaf-urls", hub.leafUrl());
        if (!settings.containsKey("data-dir")) {
            file.setProperty("data-dir", tempDir("agent-" + deviceId).toString());
        }
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

    /** The simulator's drivers of its {@code vehicle}-th truck, registered (else their badges raise driver-unknown). */
    void registerDrivers(int vehicle) {
        for (String card : Simulator.drivers(vehicle)) {
            jdbc.update("INSERT INTO drivers (id, tenant_id, name, identifier) VALUES (?, ?::uuid, ?, ?)", UUID.randomUUID(),
                    TENANT, "Driver " + card, card);
        }
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
        List<AutoCloseable> all = new ArrayList<>(started);
        AutoCloseable stopHub = hub::stop;
        all.addAll(List.of(() -> {
            if (api != null) {
                api.close();
            }
        }, stopHub, database));
        Shutdown.inOrder(all.toArray(AutoCloseable[]::new));
    }

    /** A hub that does not start leaves no database behind. */
    private static NatsServer hubOrStop(Database database) {
        try {
            return NatsServer.hub(tempDir("hub")).start();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }
}
