package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.edge.EdgeAgent;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Subject mappings on the truck (ADR 0014): a new version of the tenant's mappings reaches the truck's leaf as
 * {@code apply-mappings}, its heartbeat shows the version, and a legacy topic published on the leaf is buffered and
 * synced as the platform's telemetry. The hub here is open and maps nothing: the truck's leaf did it. Removing the
 * mapping restores the old routing on the truck too.
 */
class TruckMappingsTest extends SystemTest {

    @Test
    void aLegacyTopicOnTheTrucksLeafIsBufferedAsTelemetryOnceTheMappingReachesItAndNotAfterItsRemoval() throws Exception {
        String device = "mapped-truck";
        EdgeAgent agent = platform.truck(device, new Properties());
        int mapped = put("""
                {"rules": [{"source": "trucks.*.temp", "destinations": [{"subject": "fleet.$1.telemetry.reefer"}]}]}""");
        await().atMost(Platform.patience()).until(() -> applied(device) == mapped);

        Instant first = Instant.parse("2026-12-07T10:00:00Z");
        publish(agent, "trucks." + device + ".temp", first, -18.5);
        await().atMost(Platform.patience()).until(() -> stored(device, first) == 1);

        int removed = put("{\"rules\": []}");
        await().atMost(Platform.patience()).until(() -> applied(device) == removed);
        Instant legacy = Instant.parse("2026-12-07T10:01:00Z");
        Instant regular = Instant.parse("2026-12-07T10:02:00Z");
        publish(agent, "trucks." + device + ".temp", legacy, -17.0);
        publish(agent, "fleet." + device + ".telemetry.reefer", regular, -16.0);
        // the outbox keeps order: once the later regular reading is stored, a captured legacy one would be too
        await().atMost(Platform.patience()).until(() -> stored(device, regular) == 1);
        assertThat(stored(device, legacy)).as("unmapped again: not captured").isZero();
    }

    /** From a new connection to the leaf, as a sensor app that starts after the change. */
    private static void publish(EdgeAgent agent, String subject, Instant ts, double temp) throws Exception {
        try (Connection sensor = Nats.connect(agent.localUrl())) {
            sensor.publish(subject, ("{\"ts\": \"" + ts + "\", \"temp\": " + temp + "}").getBytes(StandardCharsets.UTF_8));
            sensor.flush(java.time.Duration.ofSeconds(5));
        }
    }

    private static int put(String body) throws Exception {
        Platform.Answer answer = platform.call("PUT", "/api/v1/subject-mappings", body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body().get("mappings").get("version").intValue();
    }

    private static long applied(String device) throws Exception {
        for (JsonNode truck : platform.call("GET", "/api/v1/subject-mappings/rollout", null).body().get("devices")) {
            if (truck.get("deviceId").stringValue().equals(device) && !truck.get("appliedVersion").isNull()) {
                return truck.get("appliedVersion").longValue();
            }
        }
        return -1;
    }

    private static int stored(String device, Instant ts) {
        return platform.jdbc.queryForObject("SELECT count(*) FROM telemetry WHERE device_id = ? AND channel = 'reefer'"
                + " AND ts = ?", Integer.class, device, java.sql.Timestamp.from(ts));
    }
}
