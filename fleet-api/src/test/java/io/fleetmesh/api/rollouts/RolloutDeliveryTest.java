package io.fleetmesh.api.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.protocol.OtaReport;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PullSubscribeOptions;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The cloud half of ADR 0013 against the real hub: a released truck has an install-package command naming its
 * pull consumer and the package; a NATS client in the truck's place pulls the chunks, is cut off half-way, pulls
 * on from where the consumer stands, and gets the package whole (the digest matches); its reports, through the
 * hub's EVENTS stream, finish the rollout.
 */
class RolloutDeliveryTest extends IntegrationTest {

    @Autowired
    private RolloutScheduler scheduler;

    @Test
    void aReleasedTruckPullsItsPackageResumesAfterADropAndItsReportsFinishTheRollout() throws Exception {
        String truck = uniqueId("ota-truck");
        createDevice(truck);
        byte[] bytes = new byte[24 * 128 * 1024 + 999];
        new Random(19).nextBytes(bytes);
        String pkg = upload(bytes);
        UUID id = UUID.fromString(postJson("/api/v1/rollouts", ("{\"name\": \"delivered\", \"packageName\": \"%s\","
                + " \"packageVersion\": \"1.0\", \"devices\": [\"%s\"], \"canary\": 0, \"percents\": [100]}")
                .formatted(pkg, truck)).json().get("id").stringValue());
        scheduler.step(id, Instant.now());

        JsonNode command = get("/api/v1/devices/%s/commands".formatted(truck)).json().get("items").get(0);
        assertThat(command.get("type").stringValue()).isEqualTo("install-package");
        JsonNode params = command.get("params");
        assertThat(params.get("rollout").stringValue()).isEqualTo(id.toString());
        assertThat(params.get("chunks").longValue()).isEqualTo(25);
        assertThat(params.get("digest").stringValue()).isEqualTo("SHA-256=" + sha256(bytes));

        Map<Long, byte[]> chunks = new TreeMap<>();
        long[] received = {0};
        pull(params, chunks, received, 10); // then the link drops: what was in flight and not acked comes again
        pull(params, chunks, received, Integer.MAX_VALUE);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        chunks.values().forEach(whole::writeBytes);
        assertThat(chunks).hasSize(25);
        assertThat(sha256(whole.toByteArray())).isEqualTo(sha256(bytes));
        assertThat(received[0]).as("bytes over the link").isLessThan(2L * bytes.length);

        report(truck, id, OtaReport.DOWNLOADING, (long) bytes.length);
        report(truck, id, OtaReport.SUCCEEDED, (long) bytes.length);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/rollouts/%s/targets".formatted(id)).json().get(0)
                .get("state").stringValue().equals("SUCCEEDED"));
        scheduler.step(id, Instant.now());
        assertThat(get("/api/v1/rollouts/" + id).json().get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(nats.jetStreamManagement().getConsumerNames("OBJ_packages")).as("the truck is done with its consumer")
                .doesNotContain("ota-" + truck);
    }

    /** Pulls in batches of 16 from the truck's consumer on a connection of its own, acking what it keeps. */
    private void pull(JsonNode params, Map<Long, byte[]> chunks, long[] received, int keep) throws Exception {
        long first = params.get("firstSequence").longValue();
        try (Connection truck = Nats.connect(nats.getConnectedUrl())) {
            JetStreamSubscription sub = truck.jetStream().subscribe(null, PullSubscribeOptions.bind(
                    "OBJ_packages", params.get("consumer").stringValue()));
            int kept = 0;
            while (chunks.size() < params.get("chunks").longValue() && kept < keep) {
                for (Message chunk : sub.fetch(16, Duration.ofSeconds(11))) {
                    received[0] += chunk.getData().length;
                    if (kept++ < keep) {
                        chunks.put(chunk.metaData().streamSequence() - first, chunk.getData());
                        chunk.ack();
                    }
                }
            }
            truck.flush(Duration.ofSeconds(2));
        }
    }

    private void report(String truck, UUID rollout, String state, Long bytes) throws Exception {
        nats.jetStream().publish(Subjects.otaEvents(truck), new OtaReport(rollout.toString(), state, Instant.now(), bytes,
                null).toJson());
    }

    private String upload(byte[] bytes) throws Exception {
        String name = "delivered-" + UUID.randomUUID().toString().substring(0, 8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/packages/%s/1.0?kind=firmware".formatted(name)))
                .header("Authorization", adminKey()).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        return name;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getUrlEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
