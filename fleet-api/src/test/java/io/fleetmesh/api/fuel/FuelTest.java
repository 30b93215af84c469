package io.fleetmesh.api.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.MailServer;
import io.fleetmesh.protocol.Subjects;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Fuel through the hub: settings per device, a recorded noisy day read back once settings are set (a refuel and a
 * drain, in the API, the fuel and events reports, not mailed to the operator who asked for drains: they are old),
 * and a drain now that mails the
 * operator who asked for fuel drains.
 */
class FuelTest extends IntegrationTest {

    @Test
    void settingsAreCheckedAndBelongToTheDevice() {
        String device = uniqueId("fuel-settings");
        createDevice(device);
        String path = "/api/v1/devices/%s/fuel-settings".formatted(device);
        assertThat(get(path).status()).isEqualTo(404);
        assertThat(put(path, "{\"tankLitres\": 0}").status()).isEqualTo(400);
        assertThat(put(path, "{\"tankLitres\": 400, \"unit\": \"gallons\"}").body()).contains("percent");
        assertThat(put(path, "{\"tankLitres\": 400, \"channel\": \"a.b\"}").status()).isEqualTo(400);
        assertThat(put("/api/v1/devices/nobody-%s/fuel-settings".formatted(device), "{\"tankLitres\": 400}").status())
                .isEqualTo(404);

        Response set = put(path, "{\"tankLitres\": 400}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(get(path).json().toString()).contains("\"channel\":\"engine\"", "\"metric\":\"fuel\"", "\"unit\":\"percent\"");
        assertThat(delete(path).status()).isEqualTo(204);
        assertThat(get(path).status()).isEqualTo(404);
    }

    @Test
    void aRecordedDayReadOnceSettingsAreSetHasItsRefuelAndDrainInTheApiAndTheReports() throws Exception {
        String device = uniqueId("fuel-day");
        createDevice(device);
        String operator = operatorWithMail();
        drainRule(device, operator);
        Instant start = Instant.now().minus(Duration.ofHours(11)).truncatedTo(ChronoUnit.MINUTES);
        double lat = 52.5;
        for (FuelDetectorTest.Row row : FuelDetectorTest.recorded()) {
            Instant at = start.plus(Duration.between(Instant.parse("2026-12-01T06:00:00Z"), row.at()));
            lat += row.speedKmh() * 10 / 3600 / 111; // northwards at its speed for the 10 s to the next row
            publish(device, "gps", "{\"ts\": \"%s\", \"lat\": %s, \"lon\": 13.4, \"speed\": %s}"
                    .formatted(at, lat, row.speedKmh()));
            publish(device, "engine", "{\"ts\": \"%s\", \"fuel\": %s}".formatted(at, row.percent()));
        }
        put("/api/v1/devices/%s/fuel-settings".formatted(device), "{\"tankLitres\": 400}");

        String period = "from=%s&to=%s".formatted(start.minusSeconds(60), Instant.now());
        JsonNode usage = await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/v1/devices/%s/fuel?%s"
                .formatted(device, period)).json(), fuel -> fuel.get("changes").size() == 2
                && fuel.get("litresAtEnd").doubleValue() < 250);
        assertThat(usage.get("changes").get(0).get("kind").stringValue()).isEqualTo("refuel");
        assertThat(usage.get("refuelledLitres").doubleValue()).isCloseTo(120, within(8.0));
        assertThat(usage.get("drainedLitres").doubleValue()).isCloseTo(72, within(8.0));
        // 70 % to 60 % of 400 l, plus 120 l refuelled, less 72 l drained
        assertThat(usage.get("consumedLitres").doubleValue()).isCloseTo(88, within(10.0));

        String report = get("/api/v1/reports/fuel?device=%s&%s&format=csv".formatted(device, period)).body();
        assertThat(report).contains("Consumed (l)", device);
        // the two drives: 70 % to 65 % and 95 % to 88 % of the tank
        await().atMost(Duration.ofSeconds(30)).until(() -> fuelUsed(device, period).size() == 2);
        assertThat(fuelUsed(device, period).get(0)).isCloseTo(20, within(6.0));
        assertThat(fuelUsed(device, period).get(1)).isCloseTo(28, within(6.0));
        String events = get("/api/v1/reports/events?device=%s&%s&format=csv".formatted(device, period)).body();
        assertThat(events).contains("refuel", "fuel drain");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> mailsFor(operator).isEmpty());
    }

    @Test
    void aDrainNowMailsTheOperatorWhoAskedForFuelDrainsOnce() throws Exception {
        String device = uniqueId("fuel-drain");
        createDevice(device);
        String operator = operatorWithMail();
        drainRule(device, operator);
        put("/api/v1/devices/%s/fuel-settings".formatted(device), "{\"tankLitres\": 400, \"unit\": \"litres\","
                + " \"channel\": \"tank\", \"metric\": \"litres\"}");

        Instant at = Instant.now().minus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 90; i++, at = at.plusSeconds(10)) { // 5 min at 300 l, 3 min down to 200 l, 7 min at 200 l
            double litres = i < 30 ? 300 : i < 48 ? 300 - (i - 30) * 100.0 / 18 : 200;
            publish(device, "gps", "{\"ts\": \"%s\", \"lat\": 52.5, \"lon\": 13.4, \"speed\": 0}".formatted(at));
            publish(device, "tank", "{\"ts\": \"%s\", \"litres\": %s}".formatted(at, litres + (i % 3 - 1) * 0.8));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsFor(operator).size() == 1);
        assertThat(MailServer.subject(mailsFor(operator).get(0))).containsPattern("Fuel drain of (9[6-9]|10[0-4]) l");
        JsonNode usage = get("/api/v1/devices/%s/fuel".formatted(device)).json();
        assertThat(usage.get("changes")).singleElement().satisfies(change -> {
            assertThat(change.get("kind").stringValue()).isEqualTo("drain");
            assertThat(change.get("litres").doubleValue()).isCloseTo(100, within(4.0));
        });
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> mailsFor(operator).size() == 1);
    }

    private void drainRule(String device, String operator) {
        Response rule = postJson("/api/v1/notification-rules", ("{\"name\": \"drains of %s\", \"events\": [\"fuel-drain\"],"
                + " \"device\": \"%s\", \"rateWindowSeconds\": 0, \"recipients\": [\"%s\"]}").formatted(device, device, operator));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);
    }

    /** The trips report's fuel used, trip by trip. */
    private List<Double> fuelUsed(String device, String period) {
        List<String> lines = get("/api/v1/reports/trips?device=%s&%s&format=csv".formatted(device, period)).body().lines().toList();
        int column = List.of(lines.get(0).split(",")).indexOf("Fuel used (l)");
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)[column])
                .filter(cell -> !cell.isEmpty()).map(Double::parseDouble).toList();
    }

    private Response put(String path, String body) {
        return send("PUT", path, body, MediaType.APPLICATION_JSON);
    }

    private void publish(String device, String channel, String payload) throws Exception {
        nats.jetStream().publish(Subjects.telemetry(device, channel), payload.getBytes(StandardCharsets.UTF_8));
    }

    private String operatorWithMail() {
        String username = "fuel-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"a long password 1\","
                + " \"role\": \"OPERATOR\"}").formatted(username)).status()).isEqualTo(201);
        assertThat(put("/api/v1/operators/%s/contact".formatted(username), "{\"email\": \"%s@example.com\"}"
                .formatted(username)).status()).isEqualTo(200);
        return username;
    }

    private List<MimeMessage> mailsFor(String username) {
        return infrastructure.mail().receivedBy(username + "@example.com");
    }
}
