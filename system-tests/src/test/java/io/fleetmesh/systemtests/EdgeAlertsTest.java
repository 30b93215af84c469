package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.edge.EdgeAgent;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Local alerts and outbox overflow, with the hub down. */
class EdgeAlertsTest extends SystemTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aLocalAlertFiresWithTheHubDownAndReachesTheCloudAfterReconnect() throws Exception {
        String device = "alert-truck";
        Properties settings = new Properties();
        settings.setProperty("rule.reefer-warm", "reefer.temp > -15 severity CRITICAL");
        EdgeAgent agent = platform.truck(device, settings);
        JsonNode alert;
        try (Connection leaf = Nats.connect(agent.localUrl())) {
            Subscription display = leaf.subscribe("fleet.%s.driver.alert".formatted(device));
            leaf.flush(Duration.ofSeconds(2));
            platform.hub.stop();
            leaf.publish("fleet.%s.telemetry.reefer".formatted(device),
                    "{\"ts\": \"%s\", \"temp\": -9.5}".formatted(Instant.now()).getBytes(StandardCharsets.UTF_8));
            Message shown = display.nextMessage(Duration.ofSeconds(5));
            assertThat(shown).as("the driver display got the alert with no hub").isNotNull();
            alert = json.readTree(shown.getData());
            assertThat(alert.get("ruleId").stringValue()).isEqualTo("reefer-warm");
            assertThat(alert.get("state").stringValue()).isEqualTo("RAISED");
            assertThat(alert.get("value").doubleValue()).isEqualTo(-9.5);
        }
        platform.hub.start();
        String alertId = alert.get("alertId").stringValue();
        await().atMost(Platform.patience()).until(() -> platform.hubMessages("fleet.%s.events.alert".formatted(device))
                .stream().anyMatch(m -> new String(m.getData(), StandardCharsets.UTF_8).contains(alertId)));
    }

    @Test
    void anOverflowingOutboxCountsWhatItDiscardedAndRaisesAnAlert() throws Exception {
        String device = "overflow-truck";
        Properties settings = new Properties();
        settings.setProperty("outbox.max-bytes", "64KiB");
        EdgeAgent agent = platform.truck(device, settings);
        platform.hub.stop();
        try (Sensor sensor = new Sensor(agent.localUrl(), device)) {
            // More than the forwarder holds in memory while it waits for the hub (its batch and its pull buffer).
            sensor.publish(0, 10_000);
        }
        platform.hub.start();
        await().atMost(Platform.patience()).until(() -> platform.hubMessages("fleet.%s.events.alert".formatted(device))
                .stream().anyMatch(m -> new String(m.getData(), StandardCharsets.UTF_8).contains("outbox-overflow")));
        await().atMost(Platform.patience()).until(() -> platform.hubMessages("fleet.%s.events.status".formatted(device))
                .stream().anyMatch(m -> json.readTree(m.getData()).get("discarded").longValue() > 0));
        await().atMost(Platform.patience()).until(() -> Integer.valueOf(9_999).equals(platform.jdbc.queryForObject(
                "SELECT max((metrics->>'n')::int) FROM telemetry WHERE device_id = ?", Integer.class, device)));
        assertThat(platform.rows(device)).as("the newest readings survived, the oldest were discarded").isBetween(1, 9_999);
    }
}
