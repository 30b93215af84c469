package io.fleetmesh.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorArgumentsTest {

    @Test
    void readsTargetsAndAPeriodInTheAgentsNotation() {
        SimulatorArguments arguments = SimulatorArguments.parse(
                new String[] {"truck-7=nats://127.0.0.1:4222", "--period", "500ms", "truck-8=tcp://127.0.0.1:1883"});
        assertThat(arguments.targets()).containsExactly("truck-7=nats://127.0.0.1:4222", "truck-8=tcp://127.0.0.1:1883");
        assertThat(arguments.period()).isEqualTo(Duration.ofMillis(500));
        assertThat(SimulatorArguments.parse(new String[] {"truck-7=nats://127.0.0.1:4222"}).period())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(SimulatorArguments.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> SimulatorArguments.duration("5 fortnights")).isInstanceOf(IllegalArgumentException.class);
    }
}
