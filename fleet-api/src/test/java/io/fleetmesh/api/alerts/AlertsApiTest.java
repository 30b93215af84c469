package io.fleetmesh.api.alerts;

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

/** Alerts from edge events, heartbeats and GPS readings on a real hub into PostgreSQL, and their lifecycle over REST. */
class AlertsApiTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anEdgeAlertCountsItsRepeatsOnceEachAndGoesThroughItsLifecycle() throws Exception {
        String device = uniqueId("alerting");
        createDevice(device);
        Instant now = Instant.now();
        edgeAlert(device, "a1", "RAISED", now.minusSeconds(5));
        edgeAlert(device, "a1", "RAISED", now.minusSeconds(5));
        edgeAlert(device, "a2", "RAISED", now);
        JsonNode alert = awaitOne(device, a -> a.get("count").intValue() == 2);
        assertThat(alert.get("state").stringValue()).isEqualTo("ACTIVE");
        assertThat(alert.get("source").stringValue()).isEqualTo("EDGE");
        assertThat(alert.get("edgeAlertId").stringValue()).isEqualTo("a1");
        assertThat(alert.get("backfilled").booleanValue()).isFalse();
        String id = alert.get("id").stringValue();

        Response acknowledged = postJson("/api/v1/alerts/%s/acknowledge".formatted(id), "{\"comment\": \"driver called\"}");
        assertThat(acknowledged.json().get("state").stringValue()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.json().get("acknowledged").get("comment").stringValue()).isEqualTo("driver called");
        assertThat(acknowledged.json().get("acknowledged").get("by").stringValue()).startsWith("key:");
        assertThat(postJson("/api/v1/alerts/%s/acknowledge".formatted(id), "{}").status()).isEqualTo(409);
        assertThat(postJson("/api/v1/alerts/%s/resolve".formatted(id), "{\"comment\": \"door fixed\"}").json()
                .get("state").stringValue()).isEqualTo("RESOLVED");
        assertThat(postJson("/api/v1/alerts/%s/resolve".formatted(id), "{}").status()).isEqualTo(409);

        edgeAlert(device, "a3", "RAISED", Instant.now());
        JsonNode second = awaitOne(device, a -> a.get("state").stringValue().equals("ACTIVE"));
        assertThat(second.get("id").stringValue()).isNotEqualTo(id);
        edgeAlert(device, "a3", "CLEARED", Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/alerts/" + second.get("id").stringValue()).json()
                .get("resolved").path("by").asString().equals("truck"));
    }

    @Test
    void anAlertRaisedOnATruckThatWasOfflineIsFlaggedBackfilled() throws Exception {
        String device = uniqueId("late");
        createDevice(device);
        edgeAlert(device, "old-1", "RAISED", Instant.now().minusSeconds(600));
        assertThat(awaitOne(device, a -> true).get("backfilled").booleanValue()).isTrue();
    }

    @Test
    void aDeviceSilentForLongerThanOfflineAfterGetsAnAlertThatItsNextHeartbeatResolves() throws Exception {
        String device = uniqueId("silent");
        createDevice(device);
        heartbeat(device, Instant.now().minusSeconds(600));
        JsonNode offline = awaitOne(device, a -> a.get("ruleId").stringValue().equals("device-offline"));
        assertThat(offline.get("source").stringValue()).isEqualTo("CLOUD");
        heartbeat(device, Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/alerts/" + offline.get("id").stringValue())
                .json().get("state").stringValue().equals("RESOLVED"));
    }

    @Test
    void crossingAGeofenceRaisesEnterAndExitAndALateReadingDoesNotTurnItBack() throws Exception {
        String device = uniqueId("fenced");
        createDevice(device);
        Response fence = postJson("/api/v1/geofences", """
                {"name": "Depot", "shape": {"circle": {"lat": 52.5251, "lon": 13.3694, "radiusMeters": 500}},
                 "alertOn": "BOTH", "severity": "INFO"}""");
        assertThat(fence.status()).isEqualTo(201);
        String fenceId = fence.json().get("id").stringValue();
        // whole milliseconds: readings keep microseconds, and a nanosecond part would not match in the queries below
        Instant t = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        position(device, fenceId, t, 52.5400, 13.3694);
        position(device, fenceId, t.plusSeconds(10), 52.5252, 13.3695);
        awaitOne(device, a -> a.get("ruleId").stringValue().equals("geofence-enter:" + fenceId));
        position(device, fenceId, t.plusSeconds(5), 52.5400, 13.3694);
        position(device, fenceId, t.plusSeconds(20), 52.5400, 13.3694);
        JsonNode exit = awaitOne(device, a -> a.get("ruleId").stringValue().equals("geofence-exit:" + fenceId));
        assertThat(exit.get("message").stringValue()).contains("left Depot");
        assertThat(get("/api/v1/alerts?device=" + device).json().get("items").size()).isEqualTo(2);

        assertThat(postJson("/api/v1/geofences", "{\"name\": \"x\", \"alertOn\": \"BOTH\", \"shape\": {\"polygon\": [[1, 2]]}}")
                .status()).isEqualTo(400);
    }

    @Test
    void aCloudThresholdRaisesOnceForADeviceWithoutAnAgentAndResolvesPastItsClearValue() throws Exception {
        String tag = uniqueId("direct");
        String device = uniqueId("mqtt-only");
        assertThat(postJson("/api/v1/devices", "{\"id\": \"%s\", \"name\": \"D\", \"kind\": \"van\", \"tags\": [\"%s\"]}"
                .formatted(device, tag)).status()).isEqualTo(201);
        String rule = "warm-" + tag;
        assertThat(postJson("/api/v1/rules", ("{\"key\": \"%s\", \"expression\": \"reefer.temp > -15 clear -16 severity"
                + " CRITICAL\", \"tag\": \"%s\", \"runsOn\": \"CLOUD\"}").formatted(rule, tag)).status()).isEqualTo(201);
        // the watch reads rules every few seconds: readings until the first crossing is seen
        Instant t = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            reefer(device, Instant.now(), -10);
            return !get("/api/v1/alerts?device=%s&rule=%s".formatted(device, rule)).json().get("items").isEmpty();
        });
        reefer(device, t.plusSeconds(1), -9);
        JsonNode alert = awaitOne(device, a -> a.get("ruleId").stringValue().equals(rule));
        assertThat(alert.get("source").stringValue()).isEqualTo("CLOUD");
        assertThat(alert.get("severity").stringValue()).isEqualTo("CRITICAL");
        assertThat(alert.get("count").intValue()).isOne();
        reefer(device, Instant.now(), -15.5);
        assertThat(get("/api/v1/alerts/" + alert.get("id").stringValue()).json().get("state").stringValue()).isEqualTo("ACTIVE");
        reefer(device, Instant.now(), -17);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/alerts/" + alert.get("id").stringValue())
                .json().get("state").stringValue().equals("RESOLVED"));
    }

    @Autowired
    private OccurrencesPruning pruning;

    @Test
    void occurrencesOlderThanThirtyDaysAreForgotten() {
        jdbc.update("INSERT INTO alert_occurrences (tenant_id, edge_alert_id, state, received_at) VALUES"
                + " ('00000000-0000-0000-0000-000000000001', 'ancient', 'RAISED', now() - interval '31 days'),"
                + " ('00000000-0000-0000-0000-000000000001', 'recent', 'RAISED', now() - interval '29 days')");
        pruning.prune();
        assertThat(jdbc.queryForList("SELECT edge_alert_id FROM alert_occurrences WHERE edge_alert_id IN ('ancient', 'recent')",
                String.class)).containsExactly("recent");
    }

    @Test
    void aMalformedAlertIsQuarantined() throws Exception {
        String device = uniqueId("garbled");
        createDevice(device);
        nats.jetStream().publish("fleet.%s.events.alert".formatted(device), "{\"alertId\": 1}".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM quarantine WHERE subject = ?", Integer.class, "fleet.%s.events.alert".formatted(device)) == 1);
    }

    private JsonNode awaitOne(String device, java.util.function.Predicate<JsonNode> matching) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode alert : get("/api/v1/alerts?device=" + device).json().get("items")) {
                if (matching.test(alert)) {
                    found[0] = alert;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private void edgeAlert(String device, String alertId, String state, Instant ts) throws Exception {
        String body = ("{\"alertId\": \"%s\", \"ruleId\": \"reefer-warm\", \"state\": \"%s\", \"severity\": \"CRITICAL\","
                + " \"metric\": \"reefer.temp\", \"value\": -9.5, \"threshold\": -15, \"ts\": \"%s\", \"message\": \"too warm\"}")
                .formatted(alertId, state, ts);
        nats.jetStream().publish("fleet.%s.events.alert".formatted(device), body.getBytes(StandardCharsets.UTF_8));
    }

    private void heartbeat(String device, Instant ts) throws Exception {
        nats.jetStream().publish("fleet.%s.events.status".formatted(device),
                "{\"ts\": \"%s\", \"backlog\": 0}".formatted(ts).getBytes(StandardCharsets.UTF_8));
    }

    private void reefer(String device, Instant ts, double temp) throws Exception {
        Instant at = ts.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        nats.jetStream().publish("fleet.%s.telemetry.reefer".formatted(device),
                "{\"ts\": \"%s\", \"temp\": %s}".formatted(at, temp).getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM telemetry WHERE device_id = ? AND ts = ?", Integer.class, device,
                java.sql.Timestamp.from(at)) >= 1);
    }

    private void position(String device, String fence, Instant ts, double lat, double lon) throws Exception {
        nats.jetStream().publish("fleet.%s.telemetry.gps".formatted(device),
                "{\"ts\": \"%s\", \"lat\": %s, \"lon\": %s, \"speed\": 30}".formatted(ts, lat, lon).getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM telemetry WHERE device_id = ? AND ts = ?", Integer.class, device,
                java.sql.Timestamp.from(ts)) == 1);
        // the fence check follows the write; readings of other batches may be checked in any order
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM geofence_presence WHERE device_id = ? AND geofence_id = ?::uuid AND at >= ?",
                Integer.class, device, fence, java.sql.Timestamp.from(ts)) == 1);
    }
}
