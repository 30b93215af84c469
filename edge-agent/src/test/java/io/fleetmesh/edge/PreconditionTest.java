package io.fleetmesh.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PreconditionTest {

    @Test
    void holdsOnTheLatestReadingAndSaysWhyNot() {
        LatestReadings latest = new LatestReadings();
        latest.update("gps", Map.of("speed", 12.5));
        assertThat(Precondition.parse("gps.speed <= 0").violation(latest)).hasValueSatisfying(reason ->
                assertThat(reason).contains("gps.speed <= 0", "12.5"));
        latest.update("gps", Map.of("speed", 0.0));
        assertThat(Precondition.parse("gps.speed <= 0").violation(latest)).isEmpty();
        assertThat(Precondition.parse("gps.speed == 0").violation(latest)).isEmpty();
        assertThat(Precondition.parse("gps.speed != 0").violation(latest)).isPresent();
        assertThat(Precondition.parse("gps.speed > -1.5").violation(latest)).isEmpty();
    }

    @Test
    void noReadingYetMeansItDoesNotHold() {
        assertThat(Precondition.parse("engine.rpm < 100").violation(new LatestReadings()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no reading of engine.rpm"));
    }

    @Test
    void refusesAnythingElse() {
        assertThatThrownBy(() -> Precondition.parse("gps.speed <= 0; rm -rf /")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Precondition.parse("speed <= 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Precondition.parse("gps.speed => 0")).isInstanceOf(IllegalArgumentException.class);
    }
}
