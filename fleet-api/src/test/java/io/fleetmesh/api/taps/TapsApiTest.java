package io.fleetmesh.api.taps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.PurgeOptions;
import io.nats.client.api.PublishAck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Data taps over REST against real PostgreSQL and nats-server: the consumer a tap creates, its lag and floor as the
 * monitor sees them, a reset, refusals, dead letters, a gap once the stream discarded what it had not read, and
 * deletion. (The hub is open here: no credentials; TapsTest in system-tests reads taps with them.)
 */
class TapsApiTest extends IntegrationTest {

    @Autowired
    private TapMonitor monitor;

    @Test
    void aTapIsAResumableConsumerWhoseLagAndFloorShowAndWhichResetsAndGoes() throws Exception {
        String device = uniqueId("tap-dev");
        JsonNode created = create("""
                {"name": "%s", "source": "telemetry", "filter": "fleet.%s.telemetry.>", "start": "all"}"""
                .formatted(device, device));
        assertThat(created.get("credentials").isNull()).as("an open hub has no credentials").isTrue();
        assertThat(created.get("connect").get("consumer").stringValue()).isEqualTo("tap-" + device);
        List<PublishAck> published = publish(device, 30);

        JetStreamSubscription reader = nats.jetStream().subscribe(null, PullSubscribeOptions.bind("TELEMETRY", "tap-" + device));
        List<Message> batch = reader.fetch(10, Duration.ofSeconds(5));
        assertThat(batch).hasSize(10);
        batch.forEach(Message::ack);
        nats.flush(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            monitor.lookAll();
            JsonNode status = get("/api/v1/taps/" + device).json().get("status");
            assertThat(status.get("pending").longValue()).isEqualTo(20);
            assertThat(status.get("ackFloor").longValue()).isEqualTo(published.get(9).getSeqno());
        });
        assertThat(get("/actuator/prometheus").body())
                .containsPattern("fleetmesh_tap_pending\\{tap=\"" + device + "\",tenant=\"[^\"]+\"\\} 20.0");

        JsonNode reset = postJson("/api/v1/taps/" + device + "/reset", "{\"sequence\": %d}"
                .formatted(published.get(0).getSeqno())).json();
        assertThat(reset.get("status").get("pending").longValue()).as("all 30 again").isEqualTo(30);
        assertThat(reader.fetch(30, Duration.ofSeconds(5)).get(0).metaData().streamSequence())
                .isEqualTo(published.get(0).getSeqno());
        reader.unsubscribe();

        assertThat(delete("/api/v1/taps/" + device).status()).isEqualTo(204);
        assertThat(get("/api/v1/taps/" + device).status()).isEqualTo(404);
        assertThat(nats.jetStreamManagement().getConsumerNames("TELEMETRY")).doesNotContain("tap-" + device);
        assertThat(get("/api/v1/audit").body()).contains("tap-created", "tap-reset", "tap-deleted");
    }

    @Test
    void aTapIsRefusedWithAProblemWhenItsNameIsTakenOrItsFilterLeavesItsStream() {
        String name = uniqueId("tap-x");
        create("{\"name\": \"%s\", \"source\": \"events\"}".formatted(name));
        Response taken = postJson("/api/v1/taps", "{\"name\": \"%s\", \"source\": \"events\"}".formatted(name));
        assertThat(taken.status()).isEqualTo(409);
        Response outside = postJson("/api/v1/taps", """
                {"name": "other-%s", "source": "telemetry", "filter": "fleet.*.cmd.>"}""".formatted(name));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.contentType()).startsWith("application/problem+json");
        assertThat(outside.json().get("field").stringValue()).isEqualTo("filter");
        assertThat(get("/api/v1/taps/other-" + name).status()).as("nothing created").isEqualTo(404);
        Response paused = postJson("/api/v1/taps/" + name + "/pause", "");
        assertThat(paused.status()).as("nothing to withhold on an open hub").isEqualTo(409);
        String operator = "Bearer " + createKey(adminKey(), "OPERATOR");
        assertThat(as(operator).send("DELETE", "/api/v1/taps/" + name, null, null).status()).isEqualTo(403);
        assertThat(as(operator).get("/api/v1/taps/" + name).status()).isEqualTo(200);
    }

    @Test
    void aMessageItsReaderGivesUpOnIsADeadLetter() throws Exception {
        String device = uniqueId("tap-dl");
        create("""
                {"name": "%s", "source": "telemetry", "filter": "fleet.%s.telemetry.>", "start": "all", "maxDeliver": 2}"""
                .formatted(device, device));
        PublishAck poison = publish(device, 1).get(0);
        JetStreamSubscription reader = nats.jetStream().subscribe(null, PullSubscribeOptions.bind("TELEMETRY", "tap-" + device));
        for (int delivery = 0; delivery < 2; delivery++) {
            List<Message> batch = reader.fetch(1, Duration.ofSeconds(5));
            assertThat(batch).hasSize(1);
            batch.get(0).nak();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            // the hub gives up on it when it would deliver it a third time: when the reader asks again
            assertThat(reader.fetch(1, Duration.ofMillis(200))).isEmpty();
            JsonNode letters = get("/api/v1/taps/" + device + "/dead-letters").json();
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).get("streamSequence").longValue()).isEqualTo(poison.getSeqno());
            assertThat(letters.get(0).get("reason").stringValue()).isEqualTo("max-deliveries");
            assertThat(letters.get(0).get("subject").stringValue()).isEqualTo(Subjects.telemetry(device, "reefer"));
        });
        assertThat(get("/api/v1/taps/" + device).json().get("deadLetters").longValue()).isEqualTo(1);
        reader.unsubscribe();
    }

    @Test
    void aTapWhoseStreamDiscardedWhatItHadNotReadReportsTheGap() throws Exception {
        String device = uniqueId("tap-gap");
        create("{\"name\": \"%s\", \"source\": \"telemetry\", \"filter\": \"fleet.%s.telemetry.>\"}".formatted(device, device));
        List<PublishAck> unread = publish(device, 5);
        // what a stream's retention does to a tap that stays away too long: everything before them and them, gone
        nats.jetStreamManagement().purgeStream("TELEMETRY", PurgeOptions.builder()
                .sequence(unread.get(4).getSeqno() + 1).build());
        monitor.lookAll();
        monitor.lookAll();

        JsonNode gaps = get("/api/v1/taps/" + device + "/gaps").json();
        assertThat(gaps).as("reported once").hasSize(1);
        assertThat(gaps.get(0).get("fromSequence").longValue()).isEqualTo(unread.get(0).getSeqno());
        assertThat(gaps.get(0).get("toSequence").longValue()).isEqualTo(unread.get(4).getSeqno());
        assertThat(gaps.get(0).get("exact").booleanValue()).as("a filtered tap: an upper bound").isFalse();
        JsonNode view = get("/api/v1/taps/" + device).json();
        assertThat(view.get("missedMessages").longValue()).isEqualTo(5);
        assertThat(get("/actuator/prometheus").body())
                .containsPattern("fleetmesh_tap_missed_total\\{tap=\"" + device + "\",tenant=\"[^\"]+\"\\} 5.0");
    }

    private JsonNode create(String body) {
        Response created = send("POST", "/api/v1/taps", body, MediaType.APPLICATION_JSON);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private List<PublishAck> publish(String device, int readings) throws Exception {
        List<PublishAck> acks = new java.util.ArrayList<>();
        for (int i = 0; i < readings; i++) {
            acks.add(nats.jetStream().publish(Subjects.telemetry(device, "reefer"), ("{\"ts\": \"2026-12-07T08:00:00Z\","
                    + " \"temp\": " + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        return acks;
    }
}
