package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.devkit.Ports;
import io.fleetmesh.edge.EdgeAgent;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The agent's own health and metrics, as a container health check and a Prometheus scraper read them. */
class AgentEndpointsTest extends SystemTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAgentIsHealthyWithOrWithoutTheHubAndCountsWhatItSynced() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("http.port", Integer.toString(Ports.free()));
        EdgeAgent agent = platform.truck("endpoints-1", settings);
        try (Connection leaf = Nats.connect(agent.localUrl())) {
            leaf.jetStream().publish("fleet.endpoints-1.telemetry.reefer", ("{\"ts\": \"" + Instant.now()
                    + "\", \"temp\": -18}").getBytes(StandardCharsets.UTF_8));
        }
        // the reading, and the heartbeats that go the same way
        await().atMost(Platform.patience()).until(() -> metric(agent, "fleetmesh_agent_forwarded_total") >= 1);
        HttpResponse<String> health = get(agent, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"hub\":\"CONNECTED\"");
        assertThat(metric(agent, "fleetmesh_agent_hub_connected")).isOne();
        assertThat(metric(agent, "fleetmesh_agent_backlog")).isBetween(0L, 5L);
        assertThat(metric(agent, "fleetmesh_agent_discarded_total")).isZero();
        assertThat(get(agent, "/metrics").body()).contains("# TYPE fleetmesh_agent_discarded_total counter");

        platform.hub.stop();
        try {
            await().atMost(Platform.patience()).until(() -> metric(agent, "fleetmesh_agent_hub_connected") == 0);
            assertThat(get(agent, "/health").statusCode()).as("a truck without signal works as designed").isEqualTo(200);
        } finally {
            platform.hub.start();
        }
    }

    private long metric(EdgeAgent agent, String name) throws Exception {
        return get(agent, "/metrics").body().lines().filter(line -> line.startsWith(name + " "))
                .mapToLong(line -> Long.parseLong(line.substring(name.length() + 1))).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(EdgeAgent agent, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
