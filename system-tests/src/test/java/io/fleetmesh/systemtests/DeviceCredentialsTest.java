package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * fleet-api against a hub in operator mode (ADR 0005): an administrator issues a device's credentials over REST,
 * the device's readings reach PostgreSQL on them, and revoking them over REST cuts the device off.
 */
class DeviceCredentialsTest {

    private static final String PASSWORD = "credentials-test-admin";

    @TempDir
    static Path dir;

    private static Database database;
    private static NatsServer hub;
    private static ConfigurableApplicationContext api;

    @BeforeAll
    static void platformInOperatorMode() throws Exception {
        LocalMesh mesh = LocalMesh.in(dir);
        hub = mesh.secure(NatsServer.hub(dir.resolve("hub"))).start();
        database = Database.temporary();
        api = new SpringApplicationBuilder(FleetApiApplication.class).run(FleetApiArguments.of(database, hub,
                "--fleetmesh.http.port=0", "--fleetmesh.log.format=",
                "--fleetmesh.nats.credentials=" + mesh.serviceCredentials(), "--fleetmesh.mesh.keys-dir=" + mesh.keysDir(),
                "--fleetmesh.security.admin-password=" + PASSWORD).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        api.close();
        hub.stop();
        database.close();
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

        try (Connection truck = Nats.connect(Options.builder().server(hub.url()).inboxPrefix("_INBOX.cred-truck")
                .authHandler(Nats.credentials(creds.toString())).maxReconnects(-1).build())) {
            truck.jetStream().publish("fleet.cred-truck.telemetry.reefer",
                    "{\"ts\": \"2026-11-25T12:00:00Z\", \"temp\": -18.5}".getBytes(StandardCharsets.UTF_8));
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

    private static HttpResponse<String> call(String method, String path, String json) throws Exception {
        int port = ((WebServerApplicationContext) api).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
