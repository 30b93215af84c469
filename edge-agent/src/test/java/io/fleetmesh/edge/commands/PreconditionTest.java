package io.fleetmesh.edge.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.edge.rules.LatestReadings;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreconditionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void holdsOnTheLatestReadingAndSaysWhyNot() {
        LatestReadings latest = new LatestReadings();
        latest.update("gps", Map.of("speed", 12.5), NOW.minusSeconds(2));
        assertThat(Precondition.parse("gps.speed <= 0").violation(latest, NOW)).hasValueSatisfying(reason ->
                assertThat(reason).contains("gps.speed <= 0", "12.5"));
        latest.update("gps", Map.of("speed", 0.0), NOW.minusSeconds(1));
        assertThat(Precondition.parse("gps.speed <= 0").violation(latest, NOW)).isEmpty();
        assertThat(Precondition.parse("gps.speed == 0").violation(latest, NOW)).isEmpty();
        assertThat(Precondition.parse("gps.speed != 0").violation(latest, NOW)).isPresent();
        assertThat(Precondition.parse("gps.speed > -1.5").violation(latest, NOW)).isEmpty();
        latest.update("gps", Map.of("speed", 80.0), NOW.minusSeconds(30));
        assertThat(Precondition.parse("gps.speed <= 0").violation(latest, NOW)).as("an older reading arriving late")
                .isEmpty();
    }

    @Test
    void noRecentReadingMeansItDoesNotHold() {
        assertThat(Precondition.parse("engine.rpm < 100").violation(new LatestReadings(), NOW))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no reading of engine.rpm"));
        LatestReadings stale = new LatestReadings();
        stale.update("gps", Map.of("speed", 0.0), NOW.minus(Precondition.FRESH).minusSeconds(1));
        assertThat(Precondition.parse("gps.speed <= 0").violation(stale, NOW)).isPresent();
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> Precondition.parse("gps.speed <= 0; rm -rf /")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Precondition.parse("speed <= 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Precondition.parse("gps.speed => 0")).isInstanceOf(IllegalArgumentException.class);
    }
}
