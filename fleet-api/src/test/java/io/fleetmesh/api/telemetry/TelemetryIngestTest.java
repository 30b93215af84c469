package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.protocol.MeshHeaders;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class TelemetryIngestTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void readingsPublishedToTheHubBecomeRowsAndLatestValues() throws Exception {
        String device = uniqueId("truck");
        createDevice(device);
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        publish(device, "reefer", "{\"ts\": \"%s\", \"temp\": -18.5, \"door\": \"closed\"}".formatted(t0));
        publish(device, "reefer", "{\"ts\": %d, \"temp\": -17.0, \"door\": \"open\"}".formatted(t0.plusSeconds(10).toEpochMilli()));
        publish(device, "gps", "{\"ts\": \"%s\", \"lat\": 52.52, \"lon\": 13.40}".formatted(t0.plusSeconds(5)));

        await().atMost(WAIT).until(() -> rows(device) == 3);

        JsonNode page = get("/api/v1/devices/%s/telemetry?order=asc".formatted(device)).json();
        assertThat(page.get("items").valueStream().map(i -> i.get("channel").stringValue()).toList())
                .containsExactly("reefer", "gps", "reefer");
        assertThat(page.get("items").get(0).get("metrics").get("temp").doubleValue()).isEqualTo(-18.5);

        JsonNode reefer = get("/api/v1/devices/%s/telemetry?channel=reefer&limit=1".formatted(device)).json();
        assertThat(reefer.get("items").get(0).get("metrics").get("door").stringValue()).isEqualTo("open");

        JsonNode latest = get("/api/v1/devices/%s/telemetry/latest".formatted(device)).json();
        assertThat(latest.get("channels").get("reefer").get("metrics").get("temp").doubleValue()).isEqualTo(-17.0);
        assertThat(latest.get("channels").get("gps").get("metrics").get("lat").doubleValue()).isEqualTo(52.52);
        assertThat(Instant.parse(latest.get("lastSeen").stringValue())).isEqualTo(t0.plusSeconds(10));
    }

    @Test
    void anOlderReadingArrivingLateDoesNotReplaceTheLatestValue() throws Exception {
        String device = uniqueId("late");
        createDevice(device);
        Instant now = Instant.now();
        publish(device, "reefer", "{\"ts\": \"%s\", \"temp\": 4.0}".formatted(now));
        await().atMost(WAIT).until(() -> rows(device) == 1);
        publish(device, "reefer", "{\"ts\": \"%s\", \"temp\": 9.0}".formatted(now.minusSeconds(3600)));
        await().atMost(WAIT).until(() -> rows(device) == 2);

        JsonNode latest = get("/api/v1/devices/%s/telemetry/latest".formatted(device)).json();
        assertThat(latest.get("channels").get("reefer").get("metrics").get("temp").doubleValue()).isEqualTo(4.0);
    }

    @Test
    void theSameReadingDeliveredTwiceIsStoredOnce() throws Exception {
        String device = uniqueId("dup");
        createDevice(device);
        String payload = "{\"ts\": \"%s\", \"temp\": 3.5}".formatted(Instant.now());
        publishWithIdentity(device, payload, 1_700_000_000_000L, 42);
        publishWithIdentity(device, payload, 1_700_000_000_000L, 42);
        publishWithIdentity(device, payload, 1_700_000_000_000L, 43);

        await().atMost(WAIT).until(() -> quarantined(device).size() == 0 && rows(device) == 2);
        String marker = uniqueId("marker");
        publish(device, "marker", "{\"ts\": \"%s\", \"m\": \"%s\"}".formatted(Instant.now(), marker));
        await().atMost(WAIT).until(() -> rows(device) == 3);
        assertThat(jdbc.queryForList("SELECT seq FROM telemetry WHERE device_id = ? AND epoch = 1700000000000 ORDER BY seq",
                Long.class, device)).containsExactly(42L, 43L);
    }

    @Test
    void poisonMessagesGoToQuarantineWithAReasonAndTheGoodOnesAroundThemAreStored() throws Exception {
        String device = uniqueId("poison");
        String unknown = uniqueId("ghost");
        createDevice(device);
        String now = Instant.now().toString();
        List<String[]> messages = List.of(
                new String[] {device, "{\"ts\": \"%s\", \"temp\": 1}".formatted(now)},
                new String[] {device, "{\"ts\": \"%s\", \"temp\": "},
                new String[] {device, "{\"ts\": \"%s\", \"temp\": 2}".formatted(now)},
                new String[] {device, "{\"ts\": \"%s\", \"temp\": {\"nested\": true}}".formatted(now)},
                new String[] {device, "{\"ts\": \"yesterday\", \"temp\": 3}"},
                new String[] {device, "{\"ts\": \"%s\", \"temp\": 4}".formatted(now)},
                new String[] {unknown, "{\"ts\": \"%s\", \"temp\": 5}".formatted(now)},
                new String[] {device, "{\"ts\": \"%s\", \"blob\": \"%s\"}".formatted(now, "x".repeat(20_000))},
                new String[] {device, "{\"ts\": \"%s\", \"temp\": \"\\u0000\"}".formatted(now)},
                new String[] {device, "[1, 2, 3]"},
                new String[] {device, "{\"ts\": \"%s\", \"temp\": 6}".formatted(now)});
        for (String[] message : messages) {
            publish(message[0], "reefer", message[1]);
        }

        await().atMost(WAIT).until(() -> rows(device) == 4 && quarantined(device).size() == 6
                && quarantined(unknown).size() == 1);
        assertThat(jdbc.queryForList("SELECT (metrics->>'temp')::int FROM telemetry WHERE device_id = ? ORDER BY seq",
                Integer.class, device)).containsExactly(1, 2, 4, 6);
        assertThat(quarantined(device)).anyMatch(r -> r.startsWith("MALFORMED"))
                .anyMatch(r -> r.startsWith("OVERSIZE"))
                .anyMatch(r -> r.contains("ts is not an RFC 3339 time"))
                .anyMatch(r -> r.contains("metric 'temp' must be a finite number"))
                .anyMatch(r -> r.contains("not a JSON object"));
        assertThat(quarantined(unknown)).containsExactly("UNKNOWN_DEVICE: device " + unknown + " is not registered");
        byte[] raw = jdbc.queryForObject("SELECT payload FROM quarantine WHERE subject = ? AND reason LIKE 'MALFORMED%'",
                byte[].class, "fleet." + device + ".telemetry.reefer");
        assertThat(new String(raw, StandardCharsets.UTF_8)).isEqualTo("{\"ts\": \"%s\", \"temp\": ");
    }

    @Test
    void aDeviceWithoutAnAgentPublishesOverMqttStraightToTheHub() {
        String device = uniqueId("mqtt");
        createDevice(device);
        Mqtt3BlockingClient mqtt = MqttClient.builder().useMqttVersion3().identifier(device)
                .serverHost("127.0.0.1").serverPort(infrastructure.hub().mqttPort()).buildBlocking();
        mqtt.connect();
        try {
            mqtt.publishWith().topic("fleet/%s/telemetry/engine".formatted(device)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload("{\"ts\": \"%s\", \"rpm\": 1450}".formatted(Instant.now()).getBytes(StandardCharsets.UTF_8))
                    .send();
        } finally {
            mqtt.disconnect();
        }
        await().atMost(WAIT).until(() -> rows(device) == 1);
        JsonNode latest = get("/api/v1/devices/%s/telemetry/latest".formatted(device)).json();
        assertThat(latest.get("channels").get("engine").get("metrics").get("rpm").intValue()).isEqualTo(1450);
    }

    @Test
    void deletingADeviceRemovesItsReadings() throws Exception {
        String device = uniqueId("gone");
        createDevice(device);
        publish(device, "reefer", "{\"ts\": \"%s\", \"temp\": 1}".formatted(Instant.now()));
        await().atMost(WAIT).until(() -> rows(device) == 1);
        assertThat(delete("/api/v1/devices/" + device).status()).isEqualTo(204);
        assertThat(rows(device)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM device_state WHERE device_id = ?", Integer.class, device)).isZero();
    }

    @Test
    void telemetryQueriesAnswerProblemDetailsForBadInput() {
        String device = uniqueId("q");
        createDevice(device);
        assertThat(get("/api/v1/devices/%s/telemetry?limit=0".formatted(device)).status()).isEqualTo(400);
        assertThat(get("/api/v1/devices/%s/telemetry?from=not-a-time".formatted(device)).status()).isEqualTo(400);
        assertThat(get("/api/v1/devices/%s/telemetry?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z".formatted(device))
                .json().get("title").stringValue()).isEqualTo("Invalid time range");
        assertThat(get("/api/v1/devices/nobody/telemetry/latest").status()).isEqualTo(404);
    }

    private void publish(String device, String channel, String payload) throws Exception {
        nats.jetStream().publish("fleet.%s.telemetry.%s".formatted(device, channel), payload.getBytes(StandardCharsets.UTF_8));
    }

    private void publishWithIdentity(String device, String payload, long epoch, long seq) throws Exception {
        Headers headers = new Headers().put(MeshHeaders.EPOCH, Long.toString(epoch))
                .put(MeshHeaders.SEQ, Long.toString(seq));
        nats.jetStream().publish(NatsMessage.builder().subject("fleet.%s.telemetry.reefer".formatted(device))
                .headers(headers).data(payload, StandardCharsets.UTF_8).build());
    }

    private int rows(String device) {
        return jdbc.queryForObject("SELECT count(*) FROM telemetry WHERE device_id = ?", Integer.class, device);
    }

    private List<String> quarantined(String device) {
        return jdbc.queryForList("SELECT reason FROM quarantine WHERE subject LIKE ? ORDER BY id", String.class,
                "fleet." + device + ".%");
    }
}
