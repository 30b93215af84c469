package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.protocol.MeshHeaders;
import io.fleetmesh.protocol.TelemetryBatch;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** DESIGN §6, offline: a truck cut off from the hub keeps storing; after reconnect the cloud has all, once, in order. */
class OfflineSyncTest extends SystemTest {

    /**
     * Every truck's outbox and sync consumer have the same names, so their acknowledgement subjects are alike: if
     * they crossed the leaf links, one truck's acks would reach every other truck (N² traffic) and acknowledge
     * messages there that were never sent (a reading lost in the 200-truck benchmark).
     */
    @Test
    void aTrucksAcknowledgementsStayOnItsOwnLeaf() throws Exception {
        var sender = platform.truck("acking-truck", new Properties());
        var bystander = platform.truck("bystander-truck", new Properties());
        try (Connection senderLeaf = Nats.connect(sender.localUrl());
             Connection bystanderLeaf = Nats.connect(bystander.localUrl())) {
            Subscription leaked = bystanderLeaf.subscribe("$JS.ACK.>");
            Subscription marker = bystanderLeaf.subscribe("probe.acking-truck");
            bystanderLeaf.flush(Duration.ofSeconds(5));
            long last = publish(senderLeaf, "acking-truck", 0, 20);
            await().atMost(Platform.patience()).until(() -> senderLeaf.jetStreamManagement()
                    .getConsumerInfo("OUTBOX", "sync").getAckFloor().getStreamSequence() >= last);
            // Same route as any leaked ack, sent after them: once it is here, they would be too.
            await().atMost(Platform.patience()).until(() -> {
                senderLeaf.publish("probe.acking-truck", new byte[0]);
                return marker.nextMessage(Duration.ofMillis(200)) != null;
            });
            assertThat(leaked.nextMessage(Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    void readingsBufferedWhileTheHubIsDownArriveOnceAndInOrder() throws Exception {
        String device = "offline-truck";
        var agent = platform.truck(device, new Properties());
        try (Connection leaf = Nats.connect(agent.localUrl())) {
            publish(leaf, device, 0, 10);
            await().atMost(Platform.patience()).until(() -> platform.rows(device) == 10);

            platform.hub.stop();
            publish(leaf, device, 10, 5_000);
            platform.hub.start();

            await().atMost(Platform.patience()).until(() -> platform.rows(device) == 5_000);
        }
        assertThat(platform.jdbc.queryForList(
                "SELECT (metrics->>'n')::int FROM telemetry WHERE device_id = ? ORDER BY seq", Integer.class, device))
                .hasSize(5_000).isSorted().doesNotHaveDuplicates();
        assertThat(hubSequenceOrder(device)).hasSize(5_000).isSorted().doesNotHaveDuplicates();
        assertThat(hubMessageCount(device)).isLessThan(5_000 / 10);
    }

    @Test
    void theAgentsHeartbeatReachesTheDeviceState() throws Exception {
        String device = "heartbeat-truck";
        platform.truck(device, new Properties());
        await().atMost(Platform.patience()).until(() -> platform.jdbc.queryForObject(
                "SELECT count(*) FROM device_state WHERE device_id = ? AND status->>'agentVersion' IS NOT NULL", Integer.class, device) == 1);
        var status = platform.jdbc.queryForMap(
                "SELECT status->>'agentVersion' AS version, (status->>'backlog')::int AS backlog, status_at FROM device_state"
                        + " WHERE device_id = ?", device);
        assertThat(status.get("version")).isEqualTo("0.1.0");
        assertThat((Integer) status.get("backlog")).isGreaterThanOrEqualTo(0);
    }

    /** Readings published on the truck's own leaf, as a sensor app would, stored by its outbox; the last one's seq. */
    private static long publish(Connection leaf, String device, int from, int to) throws Exception {
        JetStream js = leaf.jetStream();
        Instant start = Instant.now().minusSeconds(10_000);
        long seq = 0;
        for (int n = from; n < to; n++) {
            String payload = "{\"ts\": \"%s\", \"n\": %d, \"temp\": -18.2}".formatted(start.plusSeconds(n), n);
            seq = js.publish("fleet.%s.telemetry.reefer".formatted(device), payload.getBytes(StandardCharsets.UTF_8))
                    .getSeqno();
        }
        return seq;
    }

    /** The readings' sequences in the order the hub's TELEMETRY stream stored them, inside batches too (ADR 0016). */
    private static List<Long> hubSequenceOrder(String device) throws Exception {
        return platform.hubMessages("fleet.%s.telemetry.>".formatted(device)).stream().flatMap(m ->
                m.getHeaders().getFirst(MeshHeaders.BATCH) == null
                        ? Stream.of(Long.parseLong(m.getHeaders().getFirst(MeshHeaders.SEQ)))
                        : TelemetryBatch.unpack(m.getData()).stream().map(TelemetryBatch.Entry::seq)).toList();
    }

    /** The backlog went up in batches: many fewer hub messages than readings. */
    private static int hubMessageCount(String device) throws Exception {
        return platform.hubMessages("fleet.%s.telemetry.>".formatted(device)).size();
    }
}
