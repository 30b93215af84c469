package io.fleetmesh.api.trips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who drove each trip of the city round, from badges in and out on the {@code driver} channel. */
class TripDriversTest {

    private static final Instant MORNING = Instant.parse("2026-12-01T06:00:00Z");

    private static List<Sample> withBadges(List<Sample> track, Sample.Badge... badges) {
        List<Sample> samples = new ArrayList<>(track);
        samples.addAll(List.of(badges));
        samples.sort(Comparator.comparing(Sample::ts));
        return samples;
    }

    private static List<String> drivers(TripDetectorTest.Detected day) {
        return day.trips().stream().map(Segment.Trip::driver).toList();
    }

    @Test
    void aDriverBadgedInAtTheDepotDrivesEveryTripUntilTheyBadgeOut() {
        // the round's trips start at about 10, 30 and 50 minutes; the driver leaves at the second delivery
        List<Sample> day = withBadges(TripDetectorTest.cityRound().samples(), new Sample.Badge(MORNING.plusSeconds(60), "04A1B2"),
                new Sample.Badge(MORNING.plus(Duration.ofMinutes(36)), null));

        assertThat(drivers(TripDetectorTest.detect(TripSettings.DEFAULTS, day))).containsExactly("04A1B2", "04A1B2", null);
    }

    @Test
    void aTripWithNobodyBadgedGetsTheFirstDriverWhoBadgesInOnTheWayAndKeepsThem() {
        List<Sample> day = withBadges(TripDetectorTest.cityRound().samples(),
                new Sample.Badge(MORNING.plus(Duration.ofMinutes(12)), "late-1"),
                new Sample.Badge(MORNING.plus(Duration.ofMinutes(14)), "other-2"));

        assertThat(drivers(TripDetectorTest.detect(TripSettings.DEFAULTS, day))).containsExactly("late-1", "other-2", "other-2");
    }

    @Test
    void theDriverIsTheSameWhateverTheBatchesAndStoredStates() {
        List<Sample> day = withBadges(TripDetectorTest.cityRound().samples(), new Sample.Badge(MORNING.plusSeconds(60), "04A1B2"),
                new Sample.Badge(MORNING.plus(Duration.ofMinutes(36)), null),
                new Sample.Badge(MORNING.plus(Duration.ofMinutes(44)), "relief-3"));
        TripDetectorTest.Detected whole = TripDetectorTest.detect(TripSettings.DEFAULTS, day);

        assertThat(drivers(whole)).containsExactly("04A1B2", "04A1B2", "relief-3");
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(TripDetectorTest.detectInBatches(TripSettings.DEFAULTS, day, seed).segments()).isEqualTo(whole.segments());
        }
        assertThat(whole.state().driver()).isEqualTo("relief-3");
    }
}
