package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.nats.client.Dispatcher;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subject mappings applied by the hub (nats-server 2.9.10, operator mode) through the tenant's account JWT, with no
 * restart and no change on the devices (ADR 0014): a legacy MQTT device's old topics land as telemetry, a 10 %
 * canary split sends about 10 %, and removing a mapping restores the old routing at once.
 */
class SubjectMappingsTest {

    private static final String PASSWORD = "mappings-test-admin";
    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private static NatsServer hub;
    private static Database database;
    private static ConfigurableApplicationContext api;

    @BeforeAll
    static void platformInOperatorMode() throws Exception {
        LocalMesh mesh = LocalMesh.in(dir);
        hub = mesh.secure(NatsServer.hub(dir.resolve("hub"))).start();
        database = Database.temporary();
        api = new SpringApplicationBuilder(FleetApiApplication.class).run(FleetApiArguments.of(database, hub,
                "--fleetmesh.http.port=0", "--fleetmesh.log.format=", "--fleetmesh.mesh.keys-dir=" + mesh.keysDir(),
                "--fleetmesh.security.admin-password=" + PASSWORD).toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(api, hub, database);
    }

    @Test
    void aLegacyMqttDevicesOldTopicLandsAsTelemetryOnceAMappingIsAdded() throws Exception {
        call("POST", "/api/v1/devices", "{\"id\": \"legacy-9\", \"name\": \"Old reefer\", \"kind\": \"van\", \"tags\": []}");
        String password = call("POST", "/api/v1/devices/legacy-9/credentials?for=mqtt&legacyPrefix=trucks", null).body();
        JsonNode change = mappings("""
                {"rules": [{"source": "trucks.*.temp", "destinations": [{"subject": "fleet.$1.telemetry.reefer"}]}]}""");
        assertThat(change.get("applied").booleanValue()).as(change.toString()).isTrue();

        Mqtt3BlockingClient device = MqttClient.builder().useMqttVersion3().identifier("legacy-9")
                .serverHost("127.0.0.1").serverPort(hub.mqttPort()).buildBlocking();
        device.connectWith().simpleAuth().username("legacy-9").password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        try { // the old firmware's topic, as it always was
            device.publishWith().topic("trucks/legacy-9/temp").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"ts\": \"2026-12-07T08:00:00Z\", \"temp\": -19.5}".getBytes(StandardCharsets.UTF_8)).send();
        } finally {
            device.disconnect();
        }
        JdbcTemplate jdbc = api.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM telemetry WHERE device_id = 'legacy-9' AND channel = 'reefer'", Integer.class) == 1);
    }

    @Test
    void aTenPercentCanarySplitSendsAboutTenPercentAndItsRemovalRestoresTheRoutingAtOnce() throws Exception {
        call("POST", "/api/v1/devices", "{\"id\": \"split-1\", \"name\": \"Split\", \"kind\": \"van\", \"tags\": []}");
        Path creds = Files.writeString(dir.resolve("split-1.creds"), call("POST", "/api/v1/devices/split-1/credentials", null)
                .body());
        mappings("""
                {"rules": [{"source": "fleet.*.telemetry.door", "destinations": [
                  {"subject": "fleet.$1.telemetry.door-canary", "weight": 10}]}]}""");
        try (Connection truck = Nats.connect(Options.builder().server(hub.url()).inboxPrefix("_INBOX.split-1")
                .authHandler(Nats.credentials(creds.toString())).build())) {
            Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
            Dispatcher counter = truck.createDispatcher(message -> seen.computeIfAbsent(message.getSubject(),
                    subject -> new AtomicInteger()).incrementAndGet());
            counter.subscribe("fleet.split-1.telemetry.>");
            truck.flush(Duration.ofSeconds(5));
            publish(truck, 2000);
            await().atMost(Duration.ofSeconds(20)).until(() -> total(seen) == 2000);
            int canary = count(seen, "fleet.split-1.telemetry.door-canary");
            // binomial(2000, 0.1): mean 200, standard deviation 13.4; 140..260 is 4.5 of them either side
            assertThat(canary).isBetween(140, 260);

            seen.clear();
            long removed = System.nanoTime();
            assertThat(mappings("{\"rules\": []}").get("applied").booleanValue()).isTrue();
            publish(truck, 200);
            await().atMost(Duration.ofSeconds(20)).until(() -> total(seen) == 200);
            System.out.printf("mapping removed: PUT to 200 readings all on the old subject %.0f ms%n",
                    (System.nanoTime() - removed) / 1e6);
            assertThat(count(seen, "fleet.split-1.telemetry.door")).isEqualTo(200);
        }
    }

    /** The dry-run's partition numbers (our FNV-1a) are the ones the server delivers to, for 50 different subjects. */
    @Test
    void theDryRunsPartitionsAreTheServers() throws Exception {
        call("POST", "/api/v1/devices", "{\"id\": \"part-1\", \"name\": \"Parts\", \"kind\": \"van\", \"tags\": []}");
        Path creds = Files.writeString(dir.resolve("part-1.creds"), call("POST", "/api/v1/devices/part-1/credentials", null)
                .body());
        mappings("""
                {"rules": [{"source": "fleet.*.telemetry.part.*", "destinations": [
                  {"subject": "fleet.$1.telemetry.parted.{{partition(8,1,2)}}.$2"}]}]}""");
        try (Connection truck = Nats.connect(Options.builder().server(hub.url()).inboxPrefix("_INBOX.part-1")
                .authHandler(Nats.credentials(creds.toString())).build())) {
            Map<String, String> delivered = new ConcurrentHashMap<>();
            Dispatcher parted = truck.createDispatcher(message -> delivered.put(message.getSubject()
                    .substring(message.getSubject().lastIndexOf('.') + 1), message.getSubject()));
            parted.subscribe("fleet.part-1.telemetry.parted.>");
            truck.flush(Duration.ofSeconds(5));
            for (int k = 0; k < 50; k++) {
                truck.publish("fleet.part-1.telemetry.part.k" + k, "{}".getBytes(StandardCharsets.UTF_8));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() == 50);
            for (int k = 0; k < 50; k++) {
                JsonNode dry = json.readTree(call("POST", "/api/v1/subject-mappings/dry-run",
                        "{\"subject\": \"fleet.part-1.telemetry.part.k" + k + "\"}").body());
                assertThat(dry.get("outcomes").get(0).get("subject").stringValue()).isEqualTo(delivered.get("k" + k));
            }
            assertThat(delivered.values().stream().map(subject -> subject.split("\\.")[4]).distinct().count())
                    .as("spread over the partitions").isGreaterThan(4);
        }
    }

    private static void publish(Connection truck, int readings) throws Exception {
        for (int i = 0; i < readings; i++) {
            truck.publish("fleet.split-1.telemetry.door", ("{\"ts\": \"2026-12-07T08:00:00Z\", \"open\": " + (i % 2)
                    + "}").getBytes(StandardCharsets.UTF_8));
        }
        truck.flush(Duration.ofSeconds(5));
    }

    private static int total(Map<String, AtomicInteger> seen) {
        return seen.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static int count(Map<String, AtomicInteger> seen, String subject) {
        return seen.getOrDefault(subject, new AtomicInteger()).get();
    }

    private static JsonNode mappings(String body) throws Exception {
        HttpResponse<String> answer = call("PUT", "/api/v1/subject-mappings", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        int port = ((WebServerApplicationContext) api).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(300);
        return answer;
    }
}
