package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.local.LocalMesh;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.impl.NatsMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
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
 * fleet-api against a hub in operator mode (ADR 0005): an administrator issues a device's credentials over REST,
 * the device's readings reach PostgreSQL on them, and revoking them over REST cuts the device off. A second tenant
 * gets an account of its own once its key appears.
 */
class DeviceCredentialsTest {

    private static final String PASSWORD = "credentials-test-admin";
    private static final String ADMIN = basic("admin", PASSWORD);
    private static final byte[] READING = "{\"ts\": \"2026-11-25T12:00:00Z\", \"temp\": -18.5}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static LocalMesh mesh;
    private static Database database;
    private static NatsServer hub;
    private static ConfigurableApplicationContext api;

    @BeforeAll
    static void platformInOperatorMode() throws Exception {
        mesh = LocalMesh.in(dir);
        hub = mesh.secure(NatsServer.hub(dir.resolve("hub"))).start();
        database = Database.temporary();
        api = new SpringApplicationBuilder(FleetApiApplication.class).run(FleetApiArguments.of(database, hub,
                "--fleetmesh.http.port=0", "--fleetmesh.log.format=",
                "--fleetmesh.mesh.keys-dir=" + mesh.keysDir(),
                "--fleetmesh.mesh.scan-interval=1s",
                "--fleetmesh.security.admin-password=" + PASSWORD).toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(api, hub, database);
    }

    @Test
    void issuedOverRestUsedByTheDeviceRevokedOverRest() throws Exception {
        assertThat(call("POST", "/api/v1/devices", "{\"id\": \"cred-truck\", \"name\": \"T\", \"kind\": \"van\", \"tags\": []}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> issued = call("POST", "/api/v1/devices/cred-truck/credentials", null);
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThat(issued.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        Path creds = dir.resolve("cred-truck.creds");
        Files.writeString(creds, issued.body());

        try (Connection truck = connect("cred-truck", creds)) {
            truck.jetStream().publish("fleet.cred-truck.telemetry.reefer", READING);
            JdbcTemplate jdbc = api.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM telemetry WHERE device_id = 'cred-truck'", Integer.class) == 1);

            long start = System.nanoTime();
            assertThat(call("DELETE", "/api/v1/devices/cred-truck/credentials", null).statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> truck.getStatus() != Connection.Status.CONNECTED);
            System.out.printf("revocation: REST call to closed device connection %.0f ms%n", (System.nanoTime() - start) / 1e6);
        }
        assertThat(call("GET", "/api/v1/audit", null).body()).contains("device-credentials-issued", "device-credentials-revoked");
        assertThat(call("DELETE", "/api/v1/devices/cred-truck/credentials", null).statusCode()).isEqualTo(404);
    }

    /** The device's credentialsState follows what was done over REST, with when, in the device and in the list. */
    @Test
    void theCredentialsStateFollowsIssueAndRevocation() throws Exception {
        call("POST", "/api/v1/devices", "{\"id\": \"state-truck\", \"name\": \"S\", \"kind\": \"van\", \"tags\": [\"state\"]}");
        assertThat(credentials("state-truck").get("credentialsState").stringValue()).isEqualTo("NONE");
        assertThat(credentials("state-truck").get("credentialsChangedAt").isNull()).isTrue();

        assertThat(call("POST", "/api/v1/devices/state-truck/credentials", null).statusCode()).isEqualTo(201);
        JsonNode issued = credentials("state-truck");
        assertThat(issued.get("credentialsState").stringValue()).isEqualTo("ISSUED");
        Instant issuedAt = Instant.parse(issued.get("credentialsChangedAt").stringValue());
        assertThat(issuedAt).isCloseTo(Instant.now(), within(30, ChronoUnit.SECONDS));

        assertThat(call("DELETE", "/api/v1/devices/state-truck/credentials", null).statusCode()).isEqualTo(204);
        JsonNode revoked = credentials("state-truck");
        assertThat(revoked.get("credentialsState").stringValue()).isEqualTo("REVOKED");
        assertThat(Instant.parse(revoked.get("credentialsChangedAt").stringValue())).isAfterOrEqualTo(issuedAt);
        JsonNode listed = JsonMapper.builder().build().readTree(call("GET", "/api/v1/devices?tag=state", null).body());
        assertThat(listed.get("items").get(0).get("credentialsState").stringValue()).isEqualTo("REVOKED");
    }

    private static JsonNode credentials(String device) throws Exception {
        return JsonMapper.builder().build().readTree(call("GET", "/api/v1/devices/" + device, null).body());
    }

    /**
     * Tenant B (a row and an account key, nothing else) is linked within a scan: its device, named like one of the
     * default tenant's, publishes on B's credentials and the reading is B's. Deleting the device cuts it off.
     */
    @Test
    void aSecondTenantGetsItsOwnAccountAndItsDevicesReadingsStayItsOwn() throws Exception {
        JdbcTemplate jdbc = api.getBean(JdbcTemplate.class);
        UUID tenantB = UUID.randomUUID();
        jdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, 'tenant-b', 'Tenant B')", tenantB);
        jdbc.update("INSERT INTO operators (id, tenant_id, username, password_hash, role) VALUES (?, ?, 'admin-b', ?, 'ADMIN')",
                UUID.randomUUID(), tenantB, api.getBean(PasswordEncoder.class).encode("tenant-b-password"));
        mesh.addTenant(tenantB);
        String adminB = basic("admin-b", "tenant-b-password");
        String device = "{\"id\": \"twin\", \"name\": \"T\", \"kind\": \"van\", \"tags\": []}";
        assertThat(call("POST", "/api/v1/devices", device).statusCode()).isEqualTo(201);
        assertThat(call(adminB, "POST", "/api/v1/devices", device).statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode nats = JsonMapper.builder().build().readTree(call("GET", "/actuator/health", null).body())
                    .get("components").get("nats").get("details");
            return nats.get("links").intValue() == 2 && nats.get("connected").intValue() == 2;
        });

        Path creds = dir.resolve("twin-b.creds");
        Files.writeString(creds, call(adminB, "POST", "/api/v1/devices/twin/credentials", null).body());
        try (Connection truck = connect("twin", creds)) {
            // until B's streams exist (fleet-api creates them right after linking); the id makes a retry harmless
            await().ignoreExceptions().until(() -> truck.jetStream().publish(NatsMessage.builder()
                    .subject("fleet.twin.telemetry.reefer").data(READING).build(),
                    PublishOptions.builder().messageId("twin-1").build()) != null);
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM telemetry WHERE device_id = 'twin' AND tenant_id = ?", Integer.class, tenantB) == 1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM telemetry WHERE device_id = 'twin'", Integer.class)).isOne();

            assertThat(call(adminB, "DELETE", "/api/v1/devices/twin", null).statusCode()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> truck.getStatus() != Connection.Status.CONNECTED);
        }
        assertThat(call(adminB, "GET", "/api/v1/audit", null).body()).contains("device-deleted")
                .doesNotContain("cred-truck");
    }

    @Test
    void anMqttDeviceAuthenticatesWithItsBearerJwtAndAnonymousOnesAreRefused() throws Exception {
        call("POST", "/api/v1/devices", "{\"id\": \"mqtt-dev\", \"name\": \"M\", \"kind\": \"van\", \"tags\": []}");
        HttpResponse<String> issued = call("POST", "/api/v1/devices/mqtt-dev/credentials?for=mqtt", null);
        assertThat(issued.statusCode()).isEqualTo(201);
        assertThatThrownBy(() -> mqtt().connect()).isNotNull();

        Mqtt3BlockingClient device = mqtt();
        device.connectWith().simpleAuth().username("mqtt-dev").password(issued.body().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        try {
            device.publishWith().topic("fleet/mqtt-dev/telemetry/reefer").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"ts\": \"2026-11-25T12:00:00Z\", \"temp\": -17.5}".getBytes(StandardCharsets.UTF_8)).send();
        } finally {
            device.disconnect();
        }
        JdbcTemplate jdbc = api.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM telemetry WHERE device_id = 'mqtt-dev'", Integer.class) == 1);
    }

    private static Mqtt3BlockingClient mqtt() {
        return MqttClient.builder().useMqttVersion3().identifier("mqtt-dev-" + System.nanoTime())
                .serverHost("127.0.0.1").serverPort(hub.mqttPort()).buildBlocking();
    }

    private static Connection connect(String device, Path creds) throws Exception {
        return Nats.connect(Options.builder().server(hub.url()).inboxPrefix("_INBOX." + device)
                .authHandler(Nats.credentials(creds.toString())).maxReconnects(-1).build());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> call(String method, String path, String json) throws Exception {
        return call(ADMIN, method, path, json);
    }

    private static HttpResponse<String> call(String authorization, String method, String path, String json) throws Exception {
        int port = ((WebServerApplicationContext) api).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", authorization)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
