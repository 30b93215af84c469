package io.fleetmesh.api.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.mesh.HubStreams;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The commands API against a real hub and PostgreSQL; the test plays the truck's agent on the hub. */
class CommandApiTest extends IntegrationTest {

    private static final String PING = "{\"type\": \"ping\", \"params\": {\"n\": 1}, \"ttl\": \"PT10M\"}";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aQueuedCommandReachesTheTrucksConsumerAndItsReportsMoveItToSucceeded() throws Exception {
        String device = deviceWithTag("cmd", "t");
        Subscription truck = nats.subscribe(HubStreams.commandDelivery(device));
        Response created = postJson("/api/v1/devices/%s/commands".formatted(device), PING);
        assertThat(created.status()).isEqualTo(202);
        assertThat(created.location().getPath()).isEqualTo("/api/v1/commands/" + id(created));

        Message delivered = truck.nextMessage(Duration.ofSeconds(10));
        JsonNode command = json.readTree(delivered.getData());
        assertThat(command.get("id").stringValue()).isEqualTo(id(created));
        assertThat(command.get("type").stringValue()).isEqualTo("ping");
        assertThat(command.get("params").get("n").intValue()).isEqualTo(1);
        assertThat(Instant.parse(command.get("expiresAt").stringValue())).isAfter(Instant.now().plusSeconds(500));
        nats.publish(delivered.getReplyTo(), "+ACK".getBytes(StandardCharsets.UTF_8));
        awaitState(id(created), "SENT");
        report(device, id(created), "delivered", null);
        report(device, id(created), "succeeded", "\"result\": {\"pong\": true}");

        JsonNode done = awaitState(id(created), "SUCCEEDED");
        assertThat(done.get("result").get("pong").booleanValue()).isTrue();
        assertThat(states(done)).containsExactly("QUEUED/CLOUD", "SENT/CLOUD", "DELIVERED/TRUCK", "SUCCEEDED/TRUCK");
        assertThat(get("/api/v1/devices/%s/commands?state=SUCCEEDED".formatted(device)).json().get("items").size()).isOne();
        assertThat(get("/api/v1/audit").body()).contains("command-created");
        // the counter exists from the start (at 0): its value, not its presence, shows the transition was counted
        await().atMost(Duration.ofSeconds(5)).until(() -> succeededByTruck() >= 1);
    }

    private double succeededByTruck() {
        String series = "fleetmesh_commands_transitions_total{source=\"TRUCK\",state=\"SUCCEEDED\"} ";
        return get("/actuator/prometheus").body().lines().filter(line -> line.startsWith(series))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).split(" ")[0])).sum();
    }

    @Test
    void anIdempotencyKeyAnswersTheFirstCommandAgainAndRefusesAnotherBody() {
        String device = deviceWithTag("idem", "t");
        String key = "order-" + device;
        Response first = as(adminKey()).sendWith("POST", "/api/v1/devices/%s/commands".formatted(device), PING, key);
        Response again = as(adminKey()).sendWith("POST", "/api/v1/devices/%s/commands".formatted(device), PING, key);
        Response other = as(adminKey()).sendWith("POST", "/api/v1/devices/%s/commands".formatted(device),
                PING.replace("\"n\": 1", "\"n\": 2"), key);
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(id(again)).isEqualTo(id(first));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/devices/%s/commands".formatted(device)).json().get("items").size()).isOne();
    }

    @Test
    void aSentCommandIsCancelledAndTakenBackFromTheHubButADeliveredOneIsNot() throws Exception {
        String device = deviceWithTag("cancel", "t");
        String first = id(postJson("/api/v1/devices/%s/commands".formatted(device), PING));
        awaitState(first, "SENT");
        Response cancelled = postJson("/api/v1/commands/%s/cancel".formatted(first), "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("state").stringValue()).isEqualTo("CANCELLED");
        assertThatThrownBy(() -> nats.jetStreamManagement().getLastMessage(HubStreams.COMMANDS, "fleet." + device + ".cmd.ping"))
                .hasMessageContaining("no message found");
        assertThat(postJson("/api/v1/commands/%s/cancel".formatted(first), "").status()).isEqualTo(200);

        String second = id(postJson("/api/v1/devices/%s/commands".formatted(device), PING));
        awaitState(second, "SENT");
        report(device, second, "delivered", null);
        awaitState(second, "DELIVERED");
        Response refused = postJson("/api/v1/commands/%s/cancel".formatted(second), "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").stringValue()).contains("DELIVERED");
    }

    @Test
    void aCommandNobodyFetchedExpiresAndATrucksLaterReportThatItRanInTimeIsBelieved() throws Exception {
        String device = deviceWithTag("expiry", "t");
        String id = id(postJson("/api/v1/devices/%s/commands".formatted(device), "{\"type\": \"ping\", \"ttl\": \"PT1S\"}"));
        JsonNode expired = awaitState(id, "EXPIRED");
        assertThat(states(expired)).endsWith("EXPIRED/CLOUD");

        report(device, id, "delivered", null);
        report(device, id, "succeeded", null);
        assertThat(states(awaitState(id, "SUCCEEDED"))).endsWith("EXPIRED/CLOUD", "DELIVERED/TRUCK", "SUCCEEDED/TRUCK");
    }

    @Test
    void waitAnswersWithTheOnlineTrucksResultAndQueuesForAnOfflineOne() throws Exception {
        String online = deviceWithTag("online", "t");
        var agent = nats.createDispatcher(request -> {
            String id = json.readTree(request.getData()).get("id").stringValue();
            nats.publish(request.getReplyTo(), ("{\"id\": \"%s\", \"state\": \"succeeded\", \"at\": \"%s\","
                    + " \"result\": {\"pong\": true}}").formatted(id, Instant.now()).getBytes(StandardCharsets.UTF_8));
        });
        agent.subscribe(HubStreams.commandRpc(online));
        nats.flush(Duration.ofSeconds(5));
        Response answered = postJson("/api/v1/devices/%s/commands?wait=PT5S".formatted(online), PING);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.json().get("state").stringValue()).isEqualTo("SUCCEEDED");
        assertThat(states(answered.json())).containsExactly("QUEUED/CLOUD", "DELIVERED/TRUCK", "SUCCEEDED/TRUCK");
        nats.closeDispatcher(agent);

        String offline = deviceWithTag("offline", "t");
        Response queued = postJson("/api/v1/devices/%s/commands?wait=PT1S".formatted(offline), PING);
        assertThat(queued.status()).isEqualTo(202);
        awaitState(id(queued), "SENT");
    }

    @Test
    void aFanOutCreatesOneTrackedCommandPerDeviceOfTheTag() {
        String tag = uniqueId("north");
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            devices.add(deviceWithTag("fan", tag));
        }
        Response fanOut = postJson("/api/v1/fanouts", "{\"tag\": \"%s\", \"command\": %s}".formatted(tag, PING));
        assertThat(fanOut.status()).isEqualTo(202);
        assertThat(fanOut.json().get("commands").intValue()).isEqualTo(3);
        String fanOutId = fanOut.json().get("id").stringValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/fanouts/" + fanOutId).json()
                .get("states").path("SENT").asInt() == 3);
        JsonNode listed = get("/api/v1/commands?fanout=" + fanOutId).json().get("items");
        assertThat(listed).extracting(c -> c.get("deviceId").stringValue()).containsExactlyInAnyOrderElementsOf(devices);
        assertThat(postJson("/api/v1/fanouts", "{\"tag\": \"nobody-has-it\", \"command\": %s}".formatted(PING)).status())
                .isEqualTo(422);
    }

    @Test
    void badRequestsAreProblemsAndBadReportsAreQuarantined() throws Exception {
        String device = deviceWithTag("bad", "t");
        assertThat(postJson("/api/v1/devices/%s/commands".formatted(device), "{\"type\": \"Rm -rf\"}").status()).isEqualTo(400);
        assertThat(postJson("/api/v1/devices/%s/commands".formatted(device), "{\"type\": \"ping\", \"ttl\": \"P30D\"}")
                .json().get("detail").stringValue()).contains("ttl");
        assertThat(postJson("/api/v1/devices/%s/commands".formatted(device),
                "{\"type\": \"ping\", \"preconditions\": [\"speed < ; drop table\"]}").status()).isEqualTo(400);
        assertThat(postJson("/api/v1/devices/no-such-truck/commands", PING).status()).isEqualTo(404);
        assertThat(get("/api/v1/commands?cursor=bogus").status()).isEqualTo(400);

        String other = deviceWithTag("victim", "t");
        String victims = id(postJson("/api/v1/devices/%s/commands".formatted(other), PING));
        report(device, victims, "succeeded", null);
        nats.jetStream().publish("fleet.%s.events.command".formatted(device), "{not json".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList("SELECT reason FROM quarantine WHERE subject = ?",
                String.class, "fleet.%s.events.command".formatted(device)).size() == 2);
        assertThat(get("/api/v1/commands/" + victims).json().get("state").stringValue()).isIn("QUEUED", "SENT");
    }

    private String deviceWithTag(String prefix, String tag) {
        String id = uniqueId(prefix);
        assertThat(postJson("/api/v1/devices", """
                {"id": "%s", "name": "Truck %s", "kind": "reefer-truck", "tags": ["%s"]}""".formatted(id, id, tag))
                .status()).isEqualTo(201);
        return id;
    }

    private void report(String device, String commandId, String state, String extra) throws Exception {
        String body = "{\"id\": \"%s\", \"state\": \"%s\", \"at\": \"%s\"%s}".formatted(commandId, state, Instant.now(),
                extra == null ? "" : ", " + extra);
        nats.jetStream().publish("fleet.%s.events.command".formatted(device), body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode awaitState(String id, String state) {
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/v1/commands/" + id).json().get("state")
                .stringValue().equals(state));
        return get("/api/v1/commands/" + id).json();
    }

    private static List<String> states(JsonNode command) {
        List<String> states = new ArrayList<>();
        command.get("transitions").forEach(t -> states.add(t.get("state").stringValue() + "/" + t.get("source").stringValue()));
        return states;
    }

    private static String id(Response response) {
        return response.json().get("id").stringValue();
    }
}
