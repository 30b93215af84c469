package io.fleetmesh.api.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.protocol.Subjects;
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
 * The driver registry over REST, and a truck's badges through the hub: its trips get the driver, the reports name
 * them, an identifier nobody has raises an alert that a registered driver's badge resolves.
 */
class DriversTest extends IntegrationTest {

    private static final double LAT = 52.52, LON = 13.405;

    @Test
    void theRegistryKeepsOneDriverPerIdentifierWhateverItsCase() {
        String code = "rf-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = postJson("/api/v1/drivers", ("{\"name\": \"Ana Petrova\", \"identifier\": \"%s\","
                + " \"licenceExpires\": \"2020-01-31\", \"phone\": \"+49 30 1234\"}").formatted(code));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("identifier").stringValue()).isEqualTo(code.toUpperCase());
        assertThat(created.json().get("licenceExpired").booleanValue()).isTrue();
        String id = created.json().get("id").stringValue();

        Response twice = postJson("/api/v1/drivers", "{\"name\": \"Someone\", \"identifier\": \"%s\"}".formatted(code.toUpperCase()));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("registered already");
        assertThat(postJson("/api/v1/drivers", "{\"name\": \"Bad\", \"identifier\": \"a b<c>\"}").status()).isEqualTo(400);
        assertThat(postJson("/api/v1/drivers", "{\"name\": \"\", \"identifier\": \"ok-1\"}").status()).isEqualTo(400);

        Response renamed = send("PUT", "/api/v1/drivers/" + id, ("{\"name\": \"Ana P.\", \"identifier\": \"%s\","
                + " \"licenceExpires\": \"2099-12-31\"}").formatted(code), MediaType.APPLICATION_JSON);
        assertThat(renamed.json().get("name").stringValue()).isEqualTo("Ana P.");
        assertThat(renamed.json().get("licenceExpired").booleanValue()).isFalse();
        assertThat(send("DELETE", "/api/v1/drivers/" + id, null, MediaType.APPLICATION_JSON).status()).isEqualTo(204);
        assertThat(get("/api/v1/drivers/" + id).status()).isEqualTo(404);
    }

    @Test
    void aTruckThatBadgesTheDriverInGetsThemOnItsTripAndInTheReports() throws Exception {
        String device = uniqueId("badged");
        createDevice(device);
        String code = "KEY" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        postJson("/api/v1/drivers", "{\"name\": \"Jonas Berg\", \"identifier\": \"%s\"}".formatted(code));
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

        publish(device, "driver", "{\"ts\": \"%s\", \"id\": \"%s\"}".formatted(start, code.toLowerCase()));
        drive(device, start.plusSeconds(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(closedTrips(device)).isNotEmpty());
        assertThat(closedTrips(device).get(0).get("driverId").stringValue()).isEqualTo(code);

        String period = "from=%s&to=%s".formatted(start.minus(Duration.ofHours(1)), Instant.now());
        assertThat(get("/api/v1/reports/trips?device=%s&%s".formatted(device, period)).body()).contains("Jonas Berg", code);
        JsonNode byDriver = get("/api/v1/reports/drivers?device=%s&%s".formatted(device, period)).json();
        assertThat(byDriver.toString()).contains("Jonas Berg", code, device);
        assertThat(openUnknownDriverAlerts(device)).isEmpty();
    }

    @Test
    void anUnknownIdentifierRaisesAnAlertThatARegisteredDriverResolves() throws Exception {
        String device = uniqueId("stranger");
        createDevice(device);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        publish(device, "driver", "{\"ts\": \"%s\", \"id\": \"NOBODY-%s\"}".formatted(now.minusSeconds(60), device.hashCode()));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(openUnknownDriverAlerts(device)).singleElement()
                .satisfies(alert -> assertThat(alert.get("message").stringValue()).contains("unknown identifier NOBODY-")));

        String code = "OK" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        postJson("/api/v1/drivers", "{\"name\": \"Mara Lind\", \"identifier\": \"%s\"}".formatted(code));
        publish(device, "driver", "{\"ts\": \"%s\", \"id\": \"%s\"}".formatted(now, code));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(openUnknownDriverAlerts(device)).isEmpty());
    }

    /** A drive north of about 3 km at 36 km/h, then parked: one trip once the parking lasted. */
    private void drive(String device, Instant from) throws Exception {
        Instant ts = from;
        for (int i = 0; i < 30; i++, ts = ts.plusSeconds(10)) {
            fix(device, ts, LAT, 0);
        }
        for (int i = 1; i <= 30; i++, ts = ts.plusSeconds(10)) {
            fix(device, ts, LAT + i * 0.0009, 36);
        }
        for (int i = 0; i < 60; i++, ts = ts.plusSeconds(10)) {
            fix(device, ts, LAT + 30 * 0.0009, 0);
        }
    }

    private void fix(String device, Instant ts, double lat, double speed) throws Exception {
        publish(device, "gps", "{\"ts\": \"%s\", \"lat\": %s, \"lon\": %s, \"speed\": %s}".formatted(ts, lat, LON, speed));
    }

    private List<JsonNode> closedTrips(String device) {
        return get("/api/v1/devices/%s/trips".formatted(device)).json().valueStream()
                .filter(trip -> !trip.get("ongoing").booleanValue()).toList();
    }

    private List<JsonNode> openUnknownDriverAlerts(String device) {
        return get("/api/v1/alerts?device=%s&rule=driver-unknown".formatted(device)).json().get("items").valueStream()
                .filter(alert -> !alert.get("state").stringValue().equals("RESOLVED")).toList();
    }

    private void publish(String device, String channel, String payload) throws Exception {
        nats.jetStream().publish(Subjects.telemetry(device, channel), payload.getBytes(StandardCharsets.UTF_8));
    }
}
