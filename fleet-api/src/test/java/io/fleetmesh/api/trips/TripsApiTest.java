package io.fleetmesh.api.trips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.protocol.Subjects;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Trips and stops as the API shows them, from readings a truck publishes through the hub: the same as the detector
 * finds on the whole track at once, each once, whether the readings came live, late or while replicas compete.
 */
class TripsApiTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private TripFollower follower;

    private String device;
    private List<Sample> round;

    @BeforeEach
    void aTruckOnItsRound() {
        device = uniqueId("trips");
        createDevice(device);
        round = TripDetectorTest.cityRound(Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS)).samples();
    }

    @Test
    void aRoundPublishedLiveBecomesTheDetectorsTripsAndStopsWithTheOngoingStopLast() throws Exception {
        publish(round.subList(0, 300));
        publishRaw("gps", "{\"ts\": \"%s\", \"speed\": 3}".formatted(round.get(299).ts().plusMillis(500)));
        publish(round.subList(300, round.size()));
        TripDetectorTest.Detected expected = TripDetectorTest.detect(TripSettings.DEFAULTS, round);

        awaitTrips(expected);
        assertThat(stops()).hasSize(expected.stops().size() + 1).last().satisfies(ongoing -> {
            assertThat(ongoing.get("ongoing").booleanValue()).isTrue();
            assertThat(ongoing.get("arrivedAt").stringValue()).isEqualTo(expected.trips().get(2).end().at().toString());
        });
        assertThat(jdbc.queryForObject("SELECT skipped->>'NO_POSITION' FROM trip_trackers WHERE device_id = ?",
                String.class, device)).isEqualTo("1");
    }

    @Test
    void aStretchBackfilledHoursLateGivesTheSameTripsOnceEachWhileReplicasCompete() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        AtomicBoolean running = new AtomicBoolean(true);
        for (int i = 0; i < 3; i++) {
            replicas.submit(() -> {
                while (running.get()) {
                    follower.round();
                }
            });
        }
        try {
            publish(round.subList(0, 250));
            publish(round.subList(450, round.size()));
            awaitCheckpoint(round.get(round.size() - 2).ts());
            publish(round.subList(250, 450));
            awaitTrips(TripDetectorTest.detect(TripSettings.DEFAULTS, round));
        } finally {
            running.set(false);
            replicas.shutdown();
            assertThat(replicas.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(stops()).extracting(stop -> stop.get("arrivedAt").stringValue()).doesNotHaveDuplicates();
    }

    @Test
    void longerParkingAfterARecomputeMakesTheDeliveriesPartOfOneTrip() throws Exception {
        publish(round);
        awaitTrips(TripDetectorTest.detect(TripSettings.DEFAULTS, round));
        JsonNode settings = get("/api/v1/devices/%s/trip-settings".formatted(device)).json();
        String patient = settings.toString().replace("\"minParkingDuration\":\"PT5M\"", "\"minParkingDuration\":\"PT15M\"");
        assertThat(patient).contains("PT15M");

        assertThat(send("PUT", "/api/v1/devices/%s/trip-settings".formatted(device), patient, MediaType.APPLICATION_JSON)
                .status()).isEqualTo(200);
        assertThat(postJson("/api/v1/devices/%s/trips/recompute".formatted(device), "").status()).isEqualTo(202);

        TripDetectorTest.Detected expected = TripDetectorTest.detect(new TripSettings(5, 500, Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofHours(1), false, 100, 250, Duration.ofSeconds(1)), round);
        assertThat(expected.trips()).hasSize(1);
        awaitTrips(expected);
    }

    @Test
    void theOdometerReadsWhatTheOperatorSetPlusWhatTheTruckDroveSince() throws Exception {
        publish(round);
        TripDetectorTest.Detected expected = TripDetectorTest.detect(TripSettings.DEFAULTS, round);
        awaitTrips(expected);
        double driven = expected.trips().stream().mapToDouble(Segment.Trip::distanceM).sum();
        JsonNode computed = get("/api/v1/devices/%s/odometer".formatted(device)).json();
        assertThat(computed.get("odometerSource").stringValue()).isEqualTo("COMPUTED");
        assertThat(computed.get("odometerMeters").doubleValue()).isGreaterThanOrEqualTo(driven);

        JsonNode set = send("PUT", "/api/v1/devices/%s/odometer".formatted(device),
                "{\"odometerMeters\": 250000000, \"engineHours\": 1200}", MediaType.APPLICATION_JSON).json();

        assertThat(set.get("odometerMeters").doubleValue()).isCloseTo(250_000_000, within(0.01));
        assertThat(set.get("engineHours").doubleValue()).isCloseTo(1200, within(0.0001));
        JsonNode last = trips().get(trips().size() - 1);
        assertThat(last.get("odometerEndMeters").doubleValue() - last.get("odometerStartMeters").doubleValue())
                .isCloseTo(expected.trips().get(2).odometerEndM() - expected.trips().get(2).odometerStartM(), within(0.01));
        assertThat(last.get("odometerEndMeters").doubleValue()).isBetween(249_000_000.0, 250_000_000.01);
    }

    @Test
    void aPeriodLongerThanThirtyOneDaysIsRefusedWithTheLimit() {
        Response refused = get("/api/v1/devices/%s/trips?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z".formatted(device));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").stringValue()).isEqualTo("Period too long");
        assertThat(refused.json().get("maxDays").intValue()).isEqualTo(31);
        assertThat(get("/api/v1/devices/%s/stops?from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z".formatted(device))
                .status()).isEqualTo(400);
        assertThat(get("/api/v1/devices/no-such-truck/trips").status()).isEqualTo(404);
    }

    @Test
    void thresholdsOutsideWhatMakesSenseAreRefusedNamingTheField() {
        JsonNode fleet = get("/api/v1/trip-settings").json();
        String silly = fleet.toString().replaceAll("\"maxSpeedKmh\":[0-9.]+", "\"maxSpeedKmh\":5");

        Response refused = send("PUT", "/api/v1/trip-settings", silly, MediaType.APPLICATION_JSON);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").stringValue()).isEqualTo("maxSpeedKmh");
        assertThat(get("/api/v1/trip-settings").json()).isEqualTo(fleet);
    }

    @Test
    void theSummaryAddsUpTheDaysTripsAndStopsForTheDeviceItsTagAndTheFleet() throws Exception {
        publish(round);
        TripDetectorTest.Detected expected = TripDetectorTest.detect(TripSettings.DEFAULTS, round);
        awaitTrips(expected);

        List<JsonNode> days = list("/api/v1/reports/summary?device=%s&zone=Europe/Berlin".formatted(device));

        assertThat(days).isNotEmpty().allSatisfy(day -> assertThat(day.get("deviceId").stringValue()).isEqualTo(device));
        assertThat(days.stream().mapToInt(day -> day.get("trips").intValue()).sum()).isEqualTo(3);
        assertThat(days.stream().mapToInt(day -> day.get("stops").intValue()).sum()).isEqualTo(expected.stops().size());
        assertThat(days.stream().mapToDouble(day -> day.get("distanceMeters").doubleValue()).sum())
                .isCloseTo(expected.trips().stream().mapToDouble(Segment.Trip::distanceM).sum(), within(0.01));
        assertThat(days.stream().mapToLong(day -> day.get("drivingSeconds").longValue()).sum())
                .isEqualTo(expected.trips().stream().mapToLong(trip -> trip.duration().toSeconds()).sum());
        assertThat(days.stream().mapToDouble(day -> day.get("maxSpeedKmh").doubleValue()).max().orElseThrow())
                .isCloseTo(expected.trips().stream().mapToDouble(Segment.Trip::maxSpeedKmh).max().orElseThrow(), within(0.01));
        assertThat(list("/api/v1/reports/summary?tag=test")).extracting(day -> day.get("deviceId").stringValue()).contains(device);
        assertThat(list("/api/v1/reports/summary")).extracting(day -> day.get("deviceId").stringValue()).contains(device);
        assertThat(list("/api/v1/reports/summary?tag=no-such-tag")).isEmpty();
    }

    @Test
    void aSummaryInAnOffsetZoneOrForADeviceAndATagIsRefused() {
        Response offset = get("/api/v1/reports/summary?zone=GMT%2B2");
        assertThat(offset.status()).isEqualTo(400);
        assertThat(offset.json().get("title").stringValue()).isEqualTo("Unknown time zone");
        assertThat(get("/api/v1/reports/summary?zone=Mars/Olympus").status()).isEqualTo(400);
        assertThat(get("/api/v1/reports/summary?device=%s&tag=test".formatted(device)).status()).isEqualTo(400);
        assertThat(get("/api/v1/reports/summary?device=no-such-truck").status()).isEqualTo(404);
        assertThat(get("/api/v1/reports/summary?zone=UTC").status()).isEqualTo(200);
    }

    /** The closed trips and stops over REST become the detector's, start and end to the second, each once. */
    @Test
    void readingsTripsDoesNotUseAreTakenWithoutARoundOfDetection() throws Exception {
        Instant start = round.get(0).ts();
        publishRaw("gps", "{\"ts\": \"%s\", \"lat\": 52.5, \"lon\": 13.4, \"speed\": 0}".formatted(start));
        publishRaw("gps", "{\"ts\": \"%s\", \"lat\": 52.5, \"lon\": 13.4, \"speed\": 0}".formatted(start.plusSeconds(10)));
        awaitCheckpoint(start);
        Timestamp detected = trackerUpdatedAt();

        publishRaw("reefer", "{\"ts\": \"%s\", \"temp\": -18}".formatted(start.plusSeconds(20)));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM telemetry WHERE device_id = ? AND channel = 'reefer'", Long.class, device) == 1
                && jdbc.queryForObject("SELECT count(*) FROM telemetry_changes WHERE device_id = ?", Long.class, device) == 0);
        assertThat(trackerUpdatedAt()).as("no round for a reefer reading").isEqualTo(detected);

        publishRaw("gps", "{\"ts\": \"%s\", \"lat\": 52.5, \"lon\": 13.4, \"speed\": 0}".formatted(start.plusSeconds(30)));
        awaitCheckpoint(start.plusSeconds(10));
    }

    private Timestamp trackerUpdatedAt() {
        return jdbc.queryForObject("SELECT updated_at FROM trip_trackers WHERE device_id = ?", Timestamp.class, device);
    }

    private void awaitTrips(TripDetectorTest.Detected expected) {
        List<String> trips = expected.trips().stream().map(trip -> trip.start().at() + "/" + trip.end().at()).toList();
        List<String> stops = expected.stops().stream().map(stop -> stop.arrival().at() + "/" + stop.departure().at()).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(closed(trips(), "startedAt", "endedAt")).isEqualTo(trips);
            assertThat(closed(stops(), "arrivedAt", "departedAt")).isEqualTo(stops);
        });
        JsonNode first = trips().get(0);
        assertThat(first.get("distanceMeters").doubleValue()).isCloseTo(expected.trips().get(0).distanceM(), within(0.01));
        assertThat(first.get("maxSpeedKmh").doubleValue()).isCloseTo(expected.trips().get(0).maxSpeedKmh(), within(0.01));
    }

    private void awaitCheckpoint(Instant atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT checkpoint FROM trip_trackers WHERE device_id = ? AND checkpoint >= ?", device,
                Timestamp.from(atLeast)).size() == 1);
    }

    private static List<String> closed(List<JsonNode> segments, String start, String end) {
        return segments.stream().filter(segment -> !segment.get("ongoing").booleanValue())
                .map(segment -> segment.get(start).stringValue() + "/" + segment.get(end).stringValue()).toList();
    }

    private List<JsonNode> trips() {
        return list("/api/v1/devices/%s/trips".formatted(device));
    }

    private List<JsonNode> stops() {
        return list("/api/v1/devices/%s/stops".formatted(device));
    }

    private List<JsonNode> list(String path) {
        Response response = get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().valueStream().toList();
    }

    private void publish(List<Sample> samples) throws Exception {
        for (Sample sample : samples) {
            if (sample instanceof Sample.Fix fix) {
                publishRaw("gps", "{\"ts\": \"%s\", \"lat\": %s, \"lon\": %s, \"speed\": %s, \"accuracy\": %s}"
                        .formatted(fix.ts(), fix.lat(), fix.lon(), fix.speedKmh(), fix.accuracyM()));
            }
        }
    }

    private void publishRaw(String channel, String payload) throws Exception {
        nats.jetStream().publish(Subjects.telemetry(device, channel), payload.getBytes(StandardCharsets.UTF_8));
    }
}
