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
 * Rules managed over REST reach the trucks as a versioned configuration (apply-config), the truck's heartbeat shows
 * the version it applied, and the pushed rule raises an edge alert that the cloud stores; the sampling intervals
 * pushed with them are what the truck's apps get from the agent.
 */
class RuleRolloutTest extends SystemTest {

    @Test
    void aRuleCreatedOverRestRunsOnTheTruckAndItsAlertReachesTheCloud() throws Exception {
        String device = "rules-truck";
        EdgeAgent agent = platform.truck(device, new Properties());
        Platform.Answer created = platform.call("POST", "/api/v1/rules",
                "{\"key\": \"reefer-warm\", \"expression\": \"reefer.temp > -15 severity CRITICAL\"}");
        assertThat(created.status()).isEqualTo(201);
        long version = created.body().get("version").longValue();
        await().atMost(Platform.patience()).until(() -> applied(device) == version);

        try (Connection leaf = Nats.connect(agent.localUrl())) {
            leaf.jetStream().publish("fleet." + device + ".telemetry.reefer", ("{\"ts\": \"" + Instant.now()
                    + "\", \"temp\": -9.5}").getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Platform.patience()).until(() -> platform.call("GET", "/api/v1/alerts?device=" + device, null)
                .body().get("items").size() == 1);
        JsonNode alert = platform.call("GET", "/api/v1/alerts?device=" + device, null).body().get("items").get(0);
        assertThat(alert.get("ruleId").stringValue()).isEqualTo("reefer-warm");
        assertThat(alert.get("source").stringValue()).isEqualTo("EDGE");
        assertThat(alert.get("severity").stringValue()).isEqualTo("CRITICAL");

        assertThat(platform.call("POST", "/api/v1/rules", "{\"key\": \"bad\", \"expression\": \"temp is hot\"}").status())
                .isEqualTo(400);
        assertThat(platform.call("POST", "/api/v1/rules", "{\"key\": \"bad\", \"expression\": \"reefer.temp > 1.2.3\"}")
                .status()).isEqualTo(400);
        long next = platform.call("DELETE", "/api/v1/rules/reefer-warm", null).body().get("version").longValue();
        await().atMost(Platform.patience()).until(() -> applied(device) == next);

        long sampled = platform.call("PUT", "/api/v1/rules/sampling", "{\"gps\": \"PT5S\"}").body().get("version").longValue();
        await().atMost(Platform.patience()).until(() -> applied(device) == sampled);
        try (Connection app = Nats.connect(agent.localUrl())) {
            assertThat(new String(app.request("agent.config.sampling", new byte[0], java.time.Duration.ofSeconds(5)).getData(),
                    StandardCharsets.UTF_8)).isEqualTo("{\"gps\":\"PT5S\"}");
        }
        assertThat(platform.call("PUT", "/api/v1/rules/sampling", "{\"gps\": \"often\"}").status()).isEqualTo(400);
    }

    private static long applied(String device) throws Exception {
        for (JsonNode truck : platform.call("GET", "/api/v1/rules/rollout", null).body().get("devices")) {
            if (truck.get("deviceId").stringValue().equals(device) && !truck.get("appliedVersion").isNull()) {
                return truck.get("appliedVersion").longValue();
            }
        }
        return -1;
    }
}
