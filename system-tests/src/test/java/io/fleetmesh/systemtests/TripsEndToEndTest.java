package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 end to end: a truck's gps app publishes on its own leaf while the truck drives from the depot to a
 * delivery and back; the hub is down from the first drive to the second (the delivery is backfilled when the signal
 * returns). The API shows the two trips and the stops between them once each, where and when they happened.
 */
class TripsEndToEndTest extends SystemTest {

    private static final String TRUCK = "trips-truck";
    private static final int PARKED = 60; // fixes of 10 s: ten minutes

    @Test
    void aRoundWithAnOfflineStretchIsTwoTripsAndTheStopsBetweenOnceEach() throws Exception {
        var agent = platform.truck(TRUCK, new Properties());
        Instant start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        try (Connection leaf = Nats.connect(agent.localUrl())) {
            GpsApp gps = new GpsApp(leaf.jetStream(), TRUCK, start);
            gps.parked(PARKED).drive(15, +1);
            await().atMost(Platform.patience()).until(() -> platform.rows(TRUCK) == PARKED + 15);
            platform.hub.stop();
            gps.drive(15, +1).parked(PARKED).drive(15, -1);
            platform.hub.start();
            gps.drive(15, -1).parked(PARKED);
        }
        List<JsonNode> trips = await().atMost(Platform.patience()).until(() -> closed("trips"), found -> found.size() == 2);
        List<JsonNode> stops = await().atMost(Platform.patience()).until(() -> closed("stops"), found -> found.size() == 2);

        assertThat(trips).allSatisfy(trip -> assertThat(trip.get("distanceMeters").doubleValue()).isCloseTo(3_000, within(50.0)));
        JsonNode delivery = stops.get(1);
        assertThat(delivery.get("lat").doubleValue()).isCloseTo(GpsApp.START_LAT + 30 * GpsApp.STEP, within(0.0005));
        assertThat(delivery.get("durationSeconds").longValue()).isBetween(9L * 60, 10L * 60 + 10);
        assertThat(Instant.parse(delivery.get("arrivedAt").stringValue())).as("at the last or first fix there")
                .isBetween(start.plusSeconds(10L * (PARKED + 29)), start.plusSeconds(10L * (PARKED + 30)));
        assertThat(trips.get(1).get("startedAt").stringValue()).isEqualTo(delivery.get("departedAt").stringValue());
        assertThat(platform.rows(TRUCK)).as("every fix once").isEqualTo(3 * PARKED + 60);
    }

    /** The closed trips or stops of the last day over REST. */
    private static List<JsonNode> closed(String kind) throws Exception {
        Platform.Answer answer = platform.call("GET", "/api/v1/devices/%s/%s".formatted(TRUCK, kind), null);
        assertThat(answer.status()).isEqualTo(200);
        return StreamSupport.stream(answer.body().spliterator(), false)
                .filter(segment -> !segment.get("ongoing").booleanValue()).toList();
    }
}
