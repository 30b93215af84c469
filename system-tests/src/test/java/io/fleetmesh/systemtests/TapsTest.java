package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.local.LocalMesh;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data taps read by a third-party client (ADR 0015) on nats-server 2.9.10 in operator mode: the official Node client
 * with a tap's credentials crashes mid-batch and resumes with no gap and no duplicate beyond the batch it had not
 * acknowledged, and sees nothing of another tenant's; the credentials reach no other tap, no raw stream, no other
 * subject, and are withheld while the tap is paused and revoked when it is deleted.
 */
class TapsTest {

    private static final String ADMIN = "admin:taps-test-admin";
    private static final String ADMIN_B = "admin-b:taps-test-admin-b";
    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private static NatsServer hub;
    private static Database database;
    private static ConfigurableApplicationContext api;
    private static LocalMesh mesh;

    @BeforeAll
    static void platformInOperatorMode() throws Exception {
        mesh = LocalMesh.in(dir);
        hub = mesh.secure(NatsServer.hub(dir.resolve("hub"))).start();
        database = Database.temporary();
        api = new SpringApplicationBuilder(FleetApiApplication.class).run(FleetApiArguments.of(database, hub,
                "--fleetmesh.http.port=0", "--fleetmesh.log.format=", "--fleetmesh.mesh.keys-dir=" + mesh.keysDir(),
                "--fleetmesh.mesh.scan-interval=1s", "--fleetmesh.security.admin-password=" + ADMIN.split(":")[1])
                .toArray(String[]::new));
        NodePackage.installed("node", "tap-reader.mjs");
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(api, hub, database);
    }

    @Test
    void aNodeReaderCrashesMidBatchAndResumesWithNoGapNoDuplicateBeyondThatBatchAndNothingOfAnotherTenant() throws Exception {
        Path creds = tap(ADMIN, "analytics", "{\"name\": \"analytics\", \"source\": \"telemetry\", \"start\": \"all\","
                + " \"ackWaitSeconds\": 5}");
        Set<Long> published = publish(ADMIN, "tap-truck", 5000);
        tenantB();
        tap(ADMIN_B, "analytics", "{\"name\": \"analytics\", \"source\": \"telemetry\", \"start\": \"all\"}");
        publish(ADMIN_B, "twin-b", 10);

        Path out = dir.resolve("analytics.txt");
        Path log = dir.resolve("reader.log");
        Process crashing = TapReader.start(hub.url(), creds, "TELEMETRY", "tap-analytics", "_TAP_INBOX.analytics", out,
                2, log);
        assertThat(crashing.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
        assertThat(crashing.exitValue()).as("killed").isEqualTo(137);
        List<String> beforeCrash = Files.readAllLines(out);
        assertThat(beforeCrash).as("three batches written, the third not acknowledged").hasSize(3000);

        long started = System.nanoTime();
        Process resumed = TapReader.start(hub.url(), creds, "TELEMETRY", "tap-analytics", "_TAP_INBOX.analytics", out,
                -1, log);
        try {
            // done when the hub has every message acknowledged (the reader writes a batch down before it acks it)
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode status = call(ADMIN, "GET", "/api/v1/taps/analytics", null).get("status");
                return status.get("pending").longValue() == 0 && status.get("ackPending").longValue() == 0;
            });
            System.out.printf("tap resumed after the crash: all 5,000 read in %.0f ms (ack wait 5 s)%n",
                    (System.nanoTime() - started) / 1e6);
        } finally {
            TapReader.stop(resumed);
        }
        List<String> lines = Files.readAllLines(out);
        List<Long> read = lines.stream().map(line -> Long.parseLong(line.split(" ")[0])).toList();
        Set<Long> unacknowledged = sequences(beforeCrash.subList(2000, 3000));
        List<Long> again = new ArrayList<>(read);
        new HashSet<>(read).forEach(again::remove);
        assertThat(sequences(lines)).isEqualTo(published);
        assertThat(again).as("read twice: only the batch the crash left unacknowledged").hasSize(1000)
                .allMatch(unacknowledged::contains);
        assertThat(lines).allMatch(line -> line.endsWith(" fleet.tap-truck.telemetry.reefer"));
    }

    @Test
    void aTapsCredentialsReachNothingElseAreWithheldWhilePausedAndRevokedWithTheTap() throws Exception {
        Path own = tap(ADMIN, "own", "{\"name\": \"own\", \"source\": \"telemetry\"}");
        tap(ADMIN, "other", "{\"name\": \"other\", \"source\": \"telemetry\"}");
        List<String> errors = new CopyOnWriteArrayList<>();
        try (Connection reader = connect(own, errors)) {
            String info = new String(reader.request("$JS.API.CONSUMER.INFO.TELEMETRY.tap-own", new byte[0],
                    Duration.ofSeconds(5)).getData(), StandardCharsets.UTF_8);
            assertThat(info).contains("\"name\":\"tap-own\"");
            reader.publish("$JS.API.CONSUMER.MSG.NEXT.TELEMETRY.tap-other", "_TAP_INBOX.own.x", "1".getBytes());
            reader.publish("$JS.API.STREAM.MSG.GET.TELEMETRY", "_TAP_INBOX.own.y", "{\"seq\":1}".getBytes());
            reader.subscribe("fleet.>");
            reader.subscribe("_INBOX.>");
            reader.flush(Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(String.join("\n", errors))
                    .contains("Publish to \"$JS.API.CONSUMER.MSG.NEXT.TELEMETRY.tap-other\"",
                            "Publish to \"$JS.API.STREAM.MSG.GET.TELEMETRY\"", "Subscription to \"fleet.>\"",
                            "Subscription to \"_INBOX.>\""));

            long paused = System.nanoTime();
            assertThat(call(ADMIN, "POST", "/api/v1/taps/own/pause", null).get("paused").booleanValue()).isTrue();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> reader.getStatus() != Connection.Status.CONNECTED);
            System.out.printf("tap paused: its reader cut off %.0f ms after the request%n", (System.nanoTime() - paused) / 1e6);
        }
        assertThatThrownBy(() -> connect(own, errors).close()).as("refused while paused").isInstanceOf(Exception.class);
        call(ADMIN, "POST", "/api/v1/taps/own/resume", null);
        try (Connection back = connect(own, errors)) {
            assertThat(back.request("$JS.API.CONSUMER.INFO.TELEMETRY.tap-own", new byte[0], Duration.ofSeconds(5)))
                    .as("the same credentials, back").isNotNull();
            send(ADMIN, "DELETE", "/api/v1/taps/own", null);
            await().atMost(Duration.ofSeconds(5)).until(() -> back.getStatus() != Connection.Status.CONNECTED);
        }
        assertThatThrownBy(() -> connect(own, errors).close()).as("revoked").isInstanceOf(Exception.class);
    }

    private static Connection connect(Path creds, List<String> errors) throws Exception {
        return Nats.connect(Options.builder().server(hub.url()).authHandler(Nats.credentials(creds.toString()))
                .inboxPrefix("_TAP_INBOX.own").maxReconnects(0).errorListener(new ErrorListener() {
                    @Override
                    public void errorOccurred(Connection connection, String error) {
                        errors.add(error);
                    }
                }).build());
    }

    private static Path tap(String admin, String name, String body) throws Exception {
        JsonNode created = call(admin, "POST", "/api/v1/taps", body);
        return Files.writeString(dir.resolve(admin.split(":")[0] + "-" + name + ".creds"),
                created.get("credentials").stringValue());
    }

    /** Readings of a new device of the caller's tenant, published on its own credentials; their stream sequences. */
    private static Set<Long> publish(String admin, String device, int readings) throws Exception {
        send(admin, "POST", "/api/v1/devices", "{\"id\": \"" + device + "\", \"name\": \"T\", \"kind\": \"van\", \"tags\": []}");
        Path creds = Files.writeString(dir.resolve(device + ".creds"),
                send(admin, "POST", "/api/v1/devices/" + device + "/credentials", null));
        Set<Long> sequences = new HashSet<>();
        try (Connection truck = Nats.connect(Options.builder().server(hub.url()).inboxPrefix("_INBOX." + device)
                .authHandler(Nats.credentials(creds.toString())).build())) {
            JetStream js = truck.jetStream();
            for (int i = 0; i < readings; i++) {
                sequences.add(js.publish("fleet." + device + ".telemetry.reefer", ("{\"ts\": \"2026-12-07T08:00:00Z\","
                        + " \"temp\": " + i + "}").getBytes(StandardCharsets.UTF_8)).getSeqno());
            }
        }
        return sequences;
    }

    /** Tenant B: a row, an administrator and an account key; linked by the next scan. */
    private static void tenantB() throws Exception {
        JdbcTemplate jdbc = api.getBean(JdbcTemplate.class);
        UUID tenant = UUID.randomUUID();
        jdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, 'tenant-b', 'Tenant B')", tenant);
        jdbc.update("INSERT INTO operators (id, tenant_id, username, password_hash, role) VALUES (?, ?, 'admin-b', ?, 'ADMIN')",
                UUID.randomUUID(), tenant, api.getBean(PasswordEncoder.class).encode(ADMIN_B.split(":")[1]));
        mesh.addTenant(tenant);
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(send(ADMIN, "GET", "/actuator/health", null))
                .get("components").get("nats").get("details").get("connected").intValue() == 2);
    }

    private static Set<Long> sequences(List<String> lines) {
        Set<Long> sequences = new HashSet<>();
        lines.forEach(line -> sequences.add(Long.parseLong(line.split(" ")[0])));
        return sequences;
    }

    private static JsonNode call(String admin, String method, String path, String body) throws Exception {
        return json.readTree(send(admin, method, path, body));
    }

    private static String send(String admin, String method, String path, String body) throws Exception {
        int port = ((WebServerApplicationContext) api).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(300);
        return answer.body();
    }
}
