package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class StatusIngestTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theNewestHeartbeatShowsInTheDeviceStatusAndAnOlderOneIsIgnored() throws Exception {
        String device = uniqueId("status");
        createDevice(device);
        assertThat(get("/api/v1/devices/%s/status".formatted(device)).json().get("online").booleanValue()).isFalse();

        Instant now = Instant.now();
        publishStatus(device, "{\"ts\": \"%s\", \"agentVersion\": \"0.1.0\", \"backlog\": 12, \"discarded\": 0}".formatted(now));
        publishStatus(device, "{\"ts\": \"%s\", \"agentVersion\": \"0.1.0\", \"backlog\": 999}".formatted(now.minusSeconds(60)));
        publishStatus(device, "not json");

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM quarantine WHERE subject = ?", Integer.class, "fleet.%s.events.status".formatted(device)) == 1);
        JsonNode status = get("/api/v1/devices/%s/status".formatted(device)).json();
        assertThat(status.get("online").booleanValue()).isTrue();
        assertThat(status.get("agent").get("backlog").intValue()).isEqualTo(12);
        assertThat(status.get("agent").get("agentVersion").stringValue()).isEqualTo("0.1.0");
    }

    @Test
    void aDeviceWhoseLastHeartbeatIsOlderThanOfflineAfterShowsOffline() throws Exception {
        String device = uniqueId("quiet");
        createDevice(device);
        publishStatus(device, "{\"ts\": \"%s\", \"backlog\": 3}".formatted(Instant.now().minusSeconds(45)));
        await().atMost(Duration.ofSeconds(20)).until(() -> !get("/api/v1/devices/%s/status".formatted(device)).json()
                .get("agent").isNull());
        assertThat(get("/api/v1/devices/%s/status".formatted(device)).json().get("online").booleanValue()).isFalse();
    }

    @Test
    void aDeviceIsOnlineSinceTheFirstHeartbeatOfItsCurrentRunAndAGapLongerThanOfflineAfterStartsANewRun() throws Exception {
        String device = uniqueId("run");
        createDevice(device);
        Instant start = Instant.now().minusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        publishStatus(device, "{\"ts\": \"%s\"}".formatted(start));
        publishStatus(device, "{\"ts\": \"%s\"}".formatted(start.plusSeconds(20)));
        awaitHeartbeat(device, start.plusSeconds(20));
        assertThat(onlineSince(device)).as("20 s apart: one run").isEqualTo(start);

        publishStatus(device, "{\"ts\": \"%s\"}".formatted(start.plusSeconds(120)));
        awaitHeartbeat(device, start.plusSeconds(120));
        assertThat(onlineSince(device)).as("100 s of silence (offline-after is 30 s): a new run").isEqualTo(start.plusSeconds(120));
    }

    private void awaitHeartbeat(String device, Instant at) {
        await().atMost(Duration.ofSeconds(20)).until(() -> at.equals(jdbc.queryForObject(
                "SELECT status_at FROM device_state WHERE device_id = ?", java.sql.Timestamp.class, device).toInstant()));
    }

    private Instant onlineSince(String device) {
        return jdbc.queryForObject("SELECT online_since FROM device_state WHERE device_id = ?", java.sql.Timestamp.class,
                device).toInstant();
    }

    @Test
    void aHeartbeatFromAnUnknownDeviceIsQuarantined() throws Exception {
        String ghost = uniqueId("ghost");
        publishStatus(ghost, "{\"ts\": \"%s\", \"backlog\": 1}".formatted(Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT reason FROM quarantine WHERE subject = ?", String.class, "fleet.%s.events.status".formatted(ghost))
                .contains("UNKNOWN_DEVICE: device " + ghost + " is not registered"));
    }

    private void publishStatus(String device, String payload) throws Exception {
        nats.jetStream().publish("fleet.%s.events.status".formatted(device), payload.getBytes(StandardCharsets.UTF_8));
    }
}
