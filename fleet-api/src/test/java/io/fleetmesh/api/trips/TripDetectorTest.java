package io.fleetmesh.api.trips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Golden tracks through the detector: what an operator would call the trips and stops of each day. */
class TripDetectorTest {

    private static final Instant MORNING = Instant.parse("2026-12-01T06:00:00Z");
    private static final double DEPOT_LAT = 52.5200, DEPOT_LON = 13.4050;
    private static final JsonMapper json = JsonMapper.builder().build();

    record Detected(List<Segment> segments, DetectorState state, Map<Skip, Integer> skipped) {

        List<Segment.Trip> trips() {
            return segments.stream().filter(Segment.Trip.class::isInstance).map(Segment.Trip.class::cast).toList();
        }

        List<Segment.Stop> stops() {
            return segments.stream().filter(Segment.Stop.class::isInstance).map(Segment.Stop.class::cast).toList();
        }
    }

    static Detected detect(TripSettings settings, List<Sample> samples) {
        TripDetector detector = new TripDetector(settings, DetectorState.INITIAL);
        samples.forEach(detector::accept);
        return new Detected(detector.drain(), detector.state(), detector.skipped());
    }

    /** As detection runs for real: in batches, its state stored as JSON and read back between them. */
    static Detected detectInBatches(TripSettings settings, List<Sample> samples, long seed) {
        Random random = new Random(seed);
        List<Segment> segments = new ArrayList<>();
        DetectorState state = DetectorState.INITIAL;
        for (int from = 0; from < samples.size(); ) {
            int to = Math.min(samples.size(), from + 1 + random.nextInt(200));
            TripDetector detector = new TripDetector(settings, state);
            samples.subList(from, to).forEach(detector::accept);
            segments.addAll(detector.drain());
            state = json.readValue(json.writeValueAsString(detector.state()), DetectorState.class);
            from = to;
        }
        return new Detected(segments, state, Map.of());
    }

    static Track cityRound() {
        return cityRound(MORNING);
    }

    /** About 75 minutes: the depot, two deliveries and back, with a red light on the way. */
    static Track cityRound(Instant start) {
        return new Track(7, start, DEPOT_LAT, DEPOT_LON, Duration.ofSeconds(5))
                .park(Duration.ofMinutes(10), 4)
                .drive(52.5335, 13.4050, 30).park(Duration.ofSeconds(60), 2)     // a red light
                .drive(52.5470, 13.4050, 30)
                .park(Duration.ofMinutes(12), 4)                                   // first delivery
                .drive(52.5470, 13.4345, 25).park(Duration.ofSeconds(90), 2).park(Duration.ofSeconds(0), 0)
                .park(Duration.ofMinutes(8), 4)                                    // second delivery
                .drive(DEPOT_LAT, 13.4345, 35).drive(DEPOT_LAT, DEPOT_LON, 35)
                .park(Duration.ofMinutes(20), 4);                                  // back at the depot
    }

    @Test
    void aCityRoundIsThreeTripsBetweenTheDepotAndTwoDeliveries() {
        Detected day = detect(TripSettings.DEFAULTS, cityRound().samples());

        assertThat(day.trips()).hasSize(3);
        assertThat(day.stops()).hasSize(3);
        assertThat(day.trips()).extracting(Segment.Trip::distanceM).satisfiesExactly(
                first -> assertThat(first).isCloseTo(3_000, within(150.0)),
                second -> assertThat(second).isCloseTo(2_000, within(150.0)),
                third -> assertThat(third).isCloseTo(5_050, within(250.0)));
        Segment.Stop firstDelivery = day.stops().get(1);
        assertThat(firstDelivery.duration()).isBetween(Duration.ofSeconds(11 * 60 + 30), Duration.ofSeconds(12 * 60 + 10));
        assertThat(firstDelivery.arrival().metersTo(new Place(MORNING, 52.5470, 13.4050))).isLessThan(30);
        assertThat(day.state().mode()).isEqualTo(DetectorState.Mode.STOPPED);
    }

    @Test
    void aRedLightDoesNotSplitATrip() {
        Segment.Trip first = detect(TripSettings.DEFAULTS, cityRound().samples()).trips().get(0);

        assertThat(first.start().at()).isBetween(MORNING.plus(Duration.ofMinutes(10)).minusSeconds(10),
                MORNING.plus(Duration.ofMinutes(10)).plusSeconds(10));
        // 1.5 km at 30 km/h, a minute at the light, 1.5 km more
        assertThat(first.duration()).isBetween(Duration.ofMinutes(7), Duration.ofSeconds(7 * 60 + 20));
    }

    @Test
    void tripsAndOdometersAreTheSameWhateverTheBatchesAndStoredStates() {
        for (List<Sample> track : List.of(cityRound().samples(), highwayWithTunnel().samples(), parkedWithJitter().samples())) {
            Detected whole = detect(TripSettings.DEFAULTS, track);
            for (long seed = 1; seed <= 5; seed++) {
                Detected batched = detectInBatches(TripSettings.DEFAULTS, track, seed);
                assertThat(batched.segments()).isEqualTo(whole.segments());
                assertThat(batched.state()).isEqualTo(whole.state());
            }
        }
    }

    @Test
    void detectionStartedAgainAtAnyStopGivesTheSameSegmentsAfterIt() {
        for (TripSettings settings : List.of(TripSettings.DEFAULTS, BY_IGNITION)) {
            List<Sample> track = settings.useIgnition() ? ignitionTrack().samples() : cityRound().samples();
            Detected whole = detect(settings, track);
            for (int i = 0; i < whole.segments().size(); i++) {
                if (whole.segments().get(i) instanceof Segment.Stop stop) {
                    List<Sample> after = track.stream().filter(sample -> sample.ts().isAfter(stop.resume().consumedUntil())).toList();
                    TripDetector resumed = new TripDetector(settings, stop.resume());
                    after.forEach(resumed::accept);
                    assertThat(resumed.drain()).isEqualTo(whole.segments().subList(i, whole.segments().size()));
                    assertThat(resumed.state()).isEqualTo(whole.state());
                }
            }
        }
    }

    static Track highwayWithTunnel() {
        return new Track(11, MORNING, DEPOT_LAT, DEPOT_LON, Duration.ofSeconds(10))
                .park(Duration.ofMinutes(10), 4)
                .drive(52.9000, 13.4050, 100)
                .silent(Duration.ofMinutes(4), 52.9600, 13.4050)                   // a 6.7 km tunnel
                .drive(53.3000, 13.4050, 100)
                .park(Duration.ofMinutes(15), 4);
    }

    @Test
    void aHighwayRunThroughATunnelIsOneTripWithTheTunnelsDistance() {
        Detected run = detect(TripSettings.DEFAULTS, highwayWithTunnel().samples());

        assertThat(run.trips()).singleElement().satisfies(trip -> {
            assertThat(trip.distanceM()).isCloseTo(86_500, within(1_000.0));
            assertThat(trip.maxSpeedKmh()).isBetween(100.0, 115.0);
            assertThat(trip.averageSpeedKmh()).isBetween(85.0, 100.0);
        });
    }

    static Track parkedWithJitter() {
        return new Track(3, MORNING, DEPOT_LAT, DEPOT_LON, Duration.ofSeconds(10))
                .park(Duration.ofMinutes(50), 15).outlier(3_000).park(Duration.ofMinutes(70), 15);
    }

    @Test
    void aParkedTruckWithJitterAndAnOutlierMakesNoTrip() {
        Detected night = detect(TripSettings.DEFAULTS, parkedWithJitter().samples());

        assertThat(night.segments()).isEmpty();
        assertThat(night.state().mode()).isEqualTo(DetectorState.Mode.STOPPED);
        assertThat(night.state().counters().odometerM()).isLessThan(1);
        assertThat(night.skipped()).containsEntry(Skip.JUMP, 1);
    }

    @Test
    void fixesWithoutASpeedDoNotTurnJitterIntoTrips() {
        List<Sample> withoutSpeed = parkedWithJitter().samples().stream().map(sample -> sample instanceof Sample.Fix fix
                ? new Sample.Fix(fix.ts(), fix.lat(), fix.lon(), null, fix.accuracyM()) : sample).toList();

        assertThat(detect(TripSettings.DEFAULTS, withoutSpeed).trips()).isEmpty();
    }

    @Test
    void aGatewaySilentForHoursEndsTheTripAtItsLastFix() {
        Track track = new Track(5, MORNING, DEPOT_LAT, DEPOT_LON, Duration.ofSeconds(10))
                .park(Duration.ofMinutes(10), 4).drive(52.6000, 13.4050, 60);
        Instant lastFix = track.now();
        Detected day = detect(TripSettings.DEFAULTS, track.silent(Duration.ofHours(3), 52.7000, 13.4050)
                .park(Duration.ofMinutes(10), 4).samples());

        assertThat(day.trips()).singleElement().satisfies(trip -> {
            assertThat(trip.end().at()).isEqualTo(lastFix);
            assertThat(trip.distanceM()).isCloseTo(8_900, within(200.0));
        });
        assertThat(day.state().open().start().at()).isEqualTo(lastFix);
    }

    static final TripSettings BY_IGNITION = new TripSettings(5, 500, Duration.ofMinutes(5), Duration.ofMinutes(5),
            Duration.ofHours(1), true, 100, 250, Duration.ofSeconds(1));

    /** A yard tractor: started and stopped again after a minute, later ten minutes of idling while loading, a drive. */
    static Track ignitionTrack() {
        return new Track(13, MORNING, DEPOT_LAT, DEPOT_LON, Duration.ofSeconds(30))
                .ignition(false).park(Duration.ofMinutes(30), 3)
                .ignition(true).park(Duration.ofMinutes(1), 3).ignition(false).park(Duration.ofMinutes(20), 3)
                .ignition(true).park(Duration.ofMinutes(10), 3).drive(52.5300, DEPOT_LON, 20).ignition(false)
                .park(Duration.ofMinutes(30), 3).ignition(true).drive(52.5400, DEPOT_LON, 20).ignition(false)
                .park(Duration.ofMinutes(5), 3);
    }

    @Test
    void anIgnitionOnlyVehicleHasATripFromIgnitionOnToOffAndForgetsAMinutesStart() {
        Instant started = MORNING.plus(Duration.ofMinutes(51));
        Detected day = detect(BY_IGNITION, ignitionTrack().samples());
        Instant stopped = day.trips().get(0).end().at();

        assertThat(day.trips()).hasSize(2).first().satisfies(trip -> {
            assertThat(trip.start().at()).isEqualTo(started);
            assertThat(trip.duration()).isBetween(Duration.ofMinutes(13), Duration.ofMinutes(14));
            assertThat(trip.distanceM()).isCloseTo(1_110, within(60.0));
            assertThat(trip.engineSeconds()).isCloseTo(trip.duration().toSeconds(), within(1.0));
        });
        assertThat(day.stops()).hasSize(2).first().satisfies(stop -> assertThat(stop.engineSeconds()).isCloseTo(60, within(1.0)));
        assertThat(day.stops().get(1).arrival().at()).isEqualTo(stopped);
    }

    @Test
    void theVehiclesOwnOdometerGivesTheTripsDistance() {
        Track track = new Track(17, MORNING, DEPOT_LAT, DEPOT_LON, Duration.ofSeconds(10)).canOdometer(120_000)
                .park(Duration.ofMinutes(10), 4).drive(52.6000, 13.4050, 60).park(Duration.ofMinutes(10), 4);
        Detected day = detect(TripSettings.DEFAULTS, track.samples());

        assertThat(day.trips()).singleElement().satisfies(trip -> {
            assertThat(trip.odometerStartM()).isCloseTo(120_000_000, within(1.0));
            assertThat(trip.odometerEndM() - trip.odometerStartM()).isCloseTo(trip.distanceM(), within(0.01));
            assertThat(trip.distanceM()).isCloseTo(8_900, within(100.0));
        });
    }

    @Test
    void tenFixesASecondGiveTheSameTripsAsOne() {
        Track once = new Track(19, MORNING, DEPOT_LAT, DEPOT_LON, Duration.ofSeconds(1))
                .park(Duration.ofMinutes(6), 2).drive(52.5300, DEPOT_LON, 40).park(Duration.ofMinutes(6), 2);
        Track tenTimes = new Track(19, MORNING, DEPOT_LAT, DEPOT_LON, Duration.ofMillis(100))
                .park(Duration.ofMinutes(6), 2).drive(52.5300, DEPOT_LON, 40).park(Duration.ofMinutes(6), 2);
        Detected slow = detect(TripSettings.DEFAULTS, once.samples());
        Detected fast = detect(TripSettings.DEFAULTS, tenTimes.samples());

        assertThat(fast.trips()).hasSize(1);
        assertThat(fast.trips().get(0).distanceM()).isCloseTo(slow.trips().get(0).distanceM(), within(30.0));
        assertThat(fast.trips().get(0).start().at()).isCloseTo(slow.trips().get(0).start().at(), within(2, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(fast.skipped().get(Skip.TOO_FREQUENT)).isGreaterThan(7_000);
    }

    @Test
    void impossibleFixesAndSpeedsAreSkippedWithTheirReason() {
        TripDetector detector = new TripDetector(TripSettings.DEFAULTS, DetectorState.INITIAL);
        detector.accept(new Sample.Fix(MORNING, DEPOT_LAT, DEPOT_LON, 0.0, 5.0));
        detector.accept(new Sample.Fix(MORNING.plusSeconds(10), 95, DEPOT_LON, 0.0, 5.0));
        detector.accept(new Sample.Fix(MORNING.plusSeconds(20), 0, 0, 0.0, 5.0));
        detector.accept(new Sample.Fix(MORNING.plusSeconds(30), DEPOT_LAT, DEPOT_LON, 0.0, 900.0));
        detector.accept(new Sample.Fix(MORNING.minusSeconds(30), DEPOT_LAT, DEPOT_LON, 0.0, 5.0));
        detector.accept(new Sample.Fix(MORNING.plusSeconds(40), DEPOT_LAT, DEPOT_LON, 4_000.0, 5.0));

        assertThat(detector.skipped()).containsOnly(Map.entry(Skip.OUT_OF_RANGE, 2), Map.entry(Skip.INACCURATE, 1),
                Map.entry(Skip.BACKWARDS, 1), Map.entry(Skip.SPEED, 1));
        assertThat(detector.state().mode()).isEqualTo(DetectorState.Mode.STOPPED);
    }
}
