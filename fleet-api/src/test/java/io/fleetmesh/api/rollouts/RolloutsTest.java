package io.fleetmesh.api.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.commands.CommandEvents;
import io.fleetmesh.api.commands.CommandSource;
import io.fleetmesh.api.commands.CommandState;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.protocol.PackageOrder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Rollouts over REST with real PostgreSQL and the hub's Object Store: waves released as the trucks' reports come
 * in (reported here as the delivery will), an abort that skips the rest, pause, resume, cancel, and refusals.
 */
class RolloutsTest extends IntegrationTest {

    private static final UUID TENANT = CurrentTenant.DEFAULT;

    @Autowired
    private RolloutScheduler scheduler;

    @Autowired
    private Rollouts rollouts;

    @Autowired
    private ExpiredInstallOrders expiredOrders;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aCanaryGoesFirstAndTheRestFollowOnceItSucceeded() throws Exception {
        String tag = uniqueId("ota");
        List<String> trucks = trucks(tag, 3);
        String pkg = upload("firmware", "tag:" + tag);
        UUID id = start("{\"name\": \"reefer 2.4\", \"packageName\": \"%s\", \"packageVersion\": \"1.0\", \"tag\": \"%s\","
                + " \"canary\": 1, \"percents\": [100], \"successPercent\": 100}", pkg, tag);

        scheduler.step(id, Instant.now());
        JsonNode started = get("/api/v1/rollouts/" + id).json();
        assertThat(started.get("states").toString()).isEqualTo("{\"PENDING\":1,\"WAITING\":2}");
        assertThat(started.get("waves").toString()).isEqualTo("[{\"PENDING\":1},{\"WAITING\":2}]");
        String canary = trucks.get(0);
        assertThat(state(id, canary)).isEqualTo("PENDING");

        assertThat(rollouts.report(TENANT, id, canary, TargetState.DOWNLOADING, 1000L, null)).isTrue();
        assertThat(rollouts.report(TENANT, id, canary, TargetState.SUCCEEDED, 5L, null)).isTrue();
        assertThat(rollouts.report(TENANT, id, canary, TargetState.DOWNLOADING, 10L, null)).as("a late report").isFalse();
        scheduler.step(id, Instant.now());
        assertThat(state(id, trucks.get(1))).isEqualTo("PENDING");
        assertThat(state(id, trucks.get(2))).isEqualTo("PENDING");

        trucks.subList(1, 3).forEach(truck -> rollouts.report(TENANT, id, truck, TargetState.SUCCEEDED, 5L, null));
        scheduler.step(id, Instant.now());
        JsonNode done = get("/api/v1/rollouts/" + id).json();
        assertThat(done.get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(done.get("endedAt").isNull()).isFalse();
        assertThat(get("/api/v1/rollouts/%s/targets".formatted(id)).json().get(0).get("bytes").longValue()).isEqualTo(5);
    }

    @Test
    void aTruckGetsOnePackageAtATimeTheSecondRolloutWaitsForTheFirst() throws Exception {
        String tag = uniqueId("ota");
        String truck = trucks(tag, 1).get(0);
        String body = "{\"name\": \"%s\", \"packageName\": \"%s\", \"packageVersion\": \"1.0\", \"tag\": \"%s\","
                + " \"canary\": 0, \"percents\": [100]}";
        UUID first = start(body, "map", upload("file", null), tag);
        UUID second = start(body, "firmware", upload("firmware", null), tag);
        scheduler.step(first, Instant.now());
        scheduler.step(second, Instant.now());
        assertThat(state(first, truck)).isEqualTo("PENDING");
        assertThat(state(second, truck)).isEqualTo("WAITING");

        rollouts.report(TENANT, first, truck, TargetState.SUCCEEDED, 3L, null);
        scheduler.step(second, Instant.now());
        assertThat(state(second, truck)).isEqualTo("PENDING");
    }

    @Test
    void aFailedCanaryAbortsTheRolloutAndTheOthersAreSkipped() throws Exception {
        String tag = uniqueId("ota");
        List<String> trucks = trucks(tag, 3);
        UUID id = start("{\"name\": \"bad build\", \"packageName\": \"%s\", \"packageVersion\": \"1.0\", \"tag\": \"%s\","
                + " \"abortFailures\": 1}", upload("agent", null), tag);
        scheduler.step(id, Instant.now());
        rollouts.report(TENANT, id, trucks.get(0), TargetState.FAILED, null, "digest mismatch");
        scheduler.step(id, Instant.now());

        JsonNode aborted = get("/api/v1/rollouts/" + id).json();
        assertThat(aborted.get("status").stringValue()).isEqualTo("ABORTED");
        assertThat(aborted.get("states").toString()).isEqualTo("{\"FAILED\":1,\"SKIPPED\":2}");
        assertThat(get("/api/v1/rollouts/%s/targets".formatted(id)).body()).contains("digest mismatch");
    }

    @Test
    void aRolloutIsPausedResumedAndCancelledOnlyWhenItsStatusAllows() throws Exception {
        String tag = uniqueId("ota");
        trucks(tag, 2);
        String pkg = upload("file", null);
        UUID id = start("{\"name\": \"steered\", \"packageName\": \"%s\", \"packageVersion\": \"1.0\", \"tag\": \"%s\"}",
                pkg, tag);
        Response held = delete("/api/v1/packages/%s/1.0".formatted(pkg));
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.body()).contains("sends this package");
        assertThat(postJson("/api/v1/rollouts/%s/pause".formatted(id), "").json().get("status").stringValue()).isEqualTo("PAUSED");
        scheduler.step(id, Instant.now());
        assertThat(get("/api/v1/rollouts/" + id).json().get("states").toString()).as("paused: nothing released")
                .isEqualTo("{\"WAITING\":2}");
        assertThat(postJson("/api/v1/rollouts/%s/pause".formatted(id), "").status()).isEqualTo(409);
        assertThat(postJson("/api/v1/rollouts/%s/resume".formatted(id), "").json().get("status").stringValue()).isEqualTo("RUNNING");
        scheduler.step(id, Instant.now());
        assertThat(get("/api/v1/rollouts/" + id).json().get("states").toString()).isEqualTo("{\"PENDING\":1,\"WAITING\":1}");
        JsonNode cancelled = postJson("/api/v1/rollouts/%s/cancel".formatted(id), "").json();
        assertThat(cancelled.get("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("states").toString()).as("not begun: skipped, and free for another rollout")
                .isEqualTo("{\"SKIPPED\":2}");
        assertThat(postJson("/api/v1/rollouts/%s/cancel".formatted(id), "").status()).isEqualTo(409);
        assertThat(delete("/api/v1/packages/%s/1.0".formatted(pkg)).status()).as("the rollout is over").isEqualTo(204);
    }

    @Test
    void aTruckOfflinePastTheCommandsLongestWaitIsOrderedAgainUnlessItsRolloutIsOver() throws Exception {
        String tag = uniqueId("ota");
        String truck = trucks(tag, 1).get(0);
        UUID id = start("{\"name\": \"long\", \"packageName\": \"%s\", \"packageVersion\": \"1.0\", \"tag\": \"%s\","
                + " \"canary\": 0, \"percents\": [100], \"deadline\": \"P30D\"}", upload("file", null), tag);
        scheduler.step(id, Instant.now());
        assertThat(installOrders(truck)).hasSize(1);

        jdbc.update("UPDATE commands SET expires_at = now() - interval '1 second' WHERE device_id = ?", truck);
        await().atMost(Duration.ofSeconds(20)).until(() -> installOrders(truck).size() == 2);
        assertThat(installOrders(truck).get(0)).isEqualTo("EXPIRED");
        assertThat(installOrders(truck).get(1)).isIn("QUEUED", "SENT");
        assertThat(state(id, truck)).isEqualTo("PENDING");

        postJson("/api/v1/rollouts/%s/cancel".formatted(id), "");
        expiredOrders.onCommand(new CommandEvents.CommandTransitioned(TENANT, UUID.randomUUID(), truck,
                PackageOrder.COMMAND, CommandState.EXPIRED, CommandSource.CLOUD, Instant.now()));
        assertThat(installOrders(truck)).as("a cancelled rollout orders nothing").hasSize(2);
    }

    private List<String> installOrders(String truck) {
        return jdbc.queryForList("SELECT state FROM commands WHERE device_id = ? AND type = ? ORDER BY created_at",
                String.class, truck, PackageOrder.COMMAND);
    }

    @Test
    void aRolloutOfAnUnknownPackageToUnknownOrWrongTrucksIsRefused() throws Exception {
        String tag = uniqueId("ota");
        List<String> trucks = trucks(tag, 1);
        String pkg = upload("firmware", "tag:" + tag);
        assertThat(postJson("/api/v1/rollouts", ("{\"name\": \"x\", \"packageName\": \"nothing-%s\", \"packageVersion\": \"1\","
                + " \"tag\": \"%s\"}").formatted(tag, tag)).status()).isEqualTo(404);
        assertThat(postJson("/api/v1/rollouts", ("{\"name\": \"x\", \"packageName\": \"%s\", \"packageVersion\": \"1.0\","
                + " \"devices\": [\"%s\", \"nobody-%s\"]}").formatted(pkg, trucks.get(0), tag)).body()).contains("Unknown trucks");
        String untagged = uniqueId("plain");
        createDevice(untagged);
        assertThat(postJson("/api/v1/rollouts", ("{\"name\": \"x\", \"packageName\": \"%s\", \"packageVersion\": \"1.0\","
                + " \"devices\": [\"%s\"]}").formatted(pkg, untagged)).body()).contains("Not a target");
        assertThat(postJson("/api/v1/rollouts", ("{\"name\": \"x\", \"packageName\": \"%s\", \"packageVersion\": \"1.0\","
                + " \"tag\": \"%s\", \"percents\": [50]}").formatted(pkg, tag)).body()).contains("percents rise");
        Response holes = postJson("/api/v1/rollouts", ("{\"name\": \"x\", \"packageName\": \"%s\", \"packageVersion\":"
                + " \"1.0\", \"tag\": \"%s\", \"percents\": [null, 100], \"installWhen\": [null]}").formatted(pkg, tag));
        assertThat(holes.status()).as(holes.body()).isEqualTo(400);
        assertThat(holes.body()).contains("percents", "installWhen");
        String operator = "Bearer " + createKey(adminBasic(), "OPERATOR");
        assertThat(as(operator).send("POST", "/api/v1/rollouts", "{}", org.springframework.http.MediaType.APPLICATION_JSON)
                .status()).isEqualTo(403);
    }

    private List<String> trucks(String tag, int count) {
        List<String> trucks = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            String truck = tag + "-" + i;
            createDevice(truck);
            jdbc.update("UPDATE devices SET tags = ARRAY[?] WHERE id = ?", tag, truck);
            trucks.add(truck);
        }
        return trucks;
    }

    private String upload(String kind, String target) throws Exception {
        String name = "pkg-" + UUID.randomUUID().toString().substring(0, 8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/packages/%s/1.0?kind=%s%s"
                        .formatted(name, kind, target == null ? "" : "&target=" + target)))
                .header("Authorization", adminKey()).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        return name;
    }

    private UUID start(String body, Object... values) {
        Response created = postJson("/api/v1/rollouts", body.formatted(values));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").stringValue());
    }

    private String state(UUID id, String truck) {
        return get("/api/v1/rollouts/%s/targets".formatted(id)).json().valueStream()
                .filter(target -> target.get("deviceId").stringValue().equals(truck)).findFirst().orElseThrow()
                .get("state").stringValue();
    }
}
