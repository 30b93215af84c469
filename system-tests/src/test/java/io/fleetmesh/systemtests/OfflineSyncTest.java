package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** DESIGN §6, offline: a truck cut off from the hub keeps storing; after reconnect the cloud has all, once, in order. */
class OfflineSyncTest extends SystemTest {


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

    /** Readings published on the truck's own leaf, as a sensor app would, stored by its outbox. */
    private static void publish(Connection leaf, String device, int from, int to) throws Exception {
        JetStream js = leaf.jetStream();
        Instant start = Instant.now().minusSeconds(10_000);
        for (int n = from; n < to; n++) {
            String payload = "{\"ts\": \"%s\", \"n\": %d, \"temp\": -18.2}".formatted(start.plusSeconds(n), n);
            js.publish("fleet.%s.telemetry.reefer".formatted(device), payload.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The Fleet-Seq headers in the order the hub's TELEMETRY stream stored them. */
    private static List<Long> hubSequenceOrder(String device) throws Exception {
        return platform.hubMessages("fleet.%s.telemetry.>".formatted(device)).stream()
                .map(m -> Long.parseLong(m.getHeaders().getFirst("Fleet-Seq"))).toList();
    }
}
