package io.fleetmesh.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fleetmesh.api.IntegrationTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A webhook receiver (a real HTTP server on loopback) that fails once gets the alert again, signed. */
class WebhookDeliveryTest extends IntegrationTest {

    private record Received(String signature, String event, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void receiverThatFailsFirst() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Fleetmesh-Signature"),
                    exchange.getRequestHeaders().getFirst("Fleetmesh-Event"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(received.size() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void anAlertIsPostedSignedAndRetriedAfterAFailureAndTheLogShowsBothAttempts() throws Exception {
        Response created = postJson("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:%d/hook\", \"events\": [\"alert\"]}"
                .formatted(receiver.getAddress().getPort()));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").stringValue();
        String id = created.json().get("id").stringValue();
        assertThat(get("/api/v1/webhooks").body()).contains(id).doesNotContain(secret);

        String device = uniqueId("hooked");
        createDevice(device);
        nats.jetStream().publish("fleet.%s.events.alert".formatted(device), ("{\"alertId\": \"hook-1\", \"ruleId\": \"door\","
                + " \"state\": \"RAISED\", \"severity\": \"WARNING\", \"ts\": \"%s\", \"message\": \"door open\"}")
                .formatted(Instant.now()).getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 2);
        Received delivered = received.get(1);
        assertThat(delivered.event()).isEqualTo("alert");
        assertThat(WebhookSignature.verify(secret, delivered.signature(), delivered.body())).isTrue();
        assertThat(WebhookSignature.verify("another secret", delivered.signature(), delivered.body())).isFalse();
        assertThat(new String(delivered.body(), StandardCharsets.UTF_8)).contains(device, "\"kind\": \"alert\"");
        assertThat(received.get(0).body()).isEqualTo(delivered.body());

        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/webhooks/%s/deliveries".formatted(id)).json()
                .get(0).get("state").stringValue().equals("DELIVERED"));
        JsonNode log = get("/api/v1/webhooks/%s/deliveries".formatted(id)).json().get(0);
        assertThat(log.get("attempts").intValue()).isEqualTo(2);
        assertThat(log.get("lastStatus").intValue()).isEqualTo(204);
        assertThat(received).hasSize(2);
    }

    @Test
    void aWebhookNeedsAnHttpUrlAndKnownEvents() {
        assertThat(postJson("/api/v1/webhooks", "{\"url\": \"file:///etc/passwd\", \"events\": [\"alert\"]}").status())
                .isEqualTo(400);
        assertThat(postJson("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1/x\", \"events\": [\"everything\"]}").status())
                .isEqualTo(400);
    }
}
