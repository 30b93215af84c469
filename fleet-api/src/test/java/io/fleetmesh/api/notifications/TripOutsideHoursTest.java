package io.fleetmesh.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.protocol.Subjects;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A trip that starts outside a rule's working hours is told through the webhook channel, to a real HTTP receiver
 * on loopback; a rule whose working hours cover the start stays silent.
 */
class TripOutsideHoursTest extends IntegrationTest {

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/notify", exchange -> {
            received.add(json.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aTripOutsideWorkingHoursReachesTheWebhookAndOneInsideThemDoesNot() throws Exception {
        String device = uniqueId("night-trip");
        createDevice(device);
        assertThat(postJson("/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:%d/notify\", \"events\": [\"notification\"]}"
                .formatted(receiver.getAddress().getPort())).status()).isEqualTo(201);
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        rule(device, "outside", now.plusHours(6), now.plusHours(6).plusMinutes(1));
        rule(device, "inside", now.minusHours(2), now.plusHours(2));

        Instant ts = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 120; i++, ts = ts.plusSeconds(10)) { // parked 5 min, 3 km north in 5 min, parked 10 min
            double lat = 52.52 + Math.min(Math.max(i - 29, 0), 30) * 0.0009;
            double speed = i >= 30 && i < 60 ? 36 : 0;
            nats.jetStream().publish(Subjects.telemetry(device, "gps"), "{\"ts\": \"%s\", \"lat\": %s, \"lon\": 13.405, \"speed\": %s}"
                    .formatted(ts, lat, speed).getBytes(StandardCharsets.UTF_8));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> forDevice(device).size() >= 1);
        JsonNode told = forDevice(device).get(0);
        assertThat(told.at("/data/rule").stringValue()).isEqualTo("outside " + device);
        assertThat(told.at("/data/notices/0/title").stringValue()).isEqualTo("Trip started outside working hours");
        assertThat(told.at("/data/recipient/username").stringValue()).isEqualTo("admin");
        assertThat(told.at("/data/messageId").stringValue()).isNotBlank();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> forDevice(device).size() == 1);
    }

    @Test
    void workingHoursNeedBothEnds() {
        Response refused = postJson("/api/v1/notification-rules", "{\"name\": \"half\", \"events\": [\"trip-outside-hours\"],"
                + " \"workFrom\": \"07:00\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("workFrom and workTo");
    }

    private void rule(String device, String name, LocalTime from, LocalTime to) {
        Response created = postJson("/api/v1/notification-rules", ("{\"name\": \"%s %s\", \"events\": [\"trip-outside-hours\"],"
                + " \"device\": \"%s\", \"channel\": \"webhook\", \"recipients\": [\"admin\"], \"rateWindowSeconds\": 0, \"workFrom\": \"%s\","
                + " \"workTo\": \"%s\", \"workDays\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\","
                + " \"SATURDAY\", \"SUNDAY\"]}").formatted(name, device, device, hhmm(from), hhmm(to)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("channel").stringValue()).isEqualTo("webhook");
    }

    private List<JsonNode> forDevice(String device) {
        return received.stream().filter(body -> body.at("/data/notices/0/deviceId").stringValue("").equals(device)).toList();
    }

    private static String hhmm(LocalTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
