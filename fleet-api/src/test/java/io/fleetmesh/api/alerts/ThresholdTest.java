package io.fleetmesh.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void crossesAboveAndIsOverOnlyPastTheClearValue() {
        Threshold warm = Threshold.parse("reefer.temp > -15 clear -16 severity CRITICAL");
        assertThat(warm.channel()).isEqualTo("reefer");
        assertThat(warm.metric()).isEqualTo("temp");
        assertThat(warm.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(warm.crossed(-14)).isTrue();
        assertThat(warm.crossed(-15)).isFalse();
        assertThat(warm.over(-15.5)).isFalse();
        assertThat(warm.over(-16.5)).isTrue();
    }

    @Test
    void crossesBelowAndDefaultsItsClearValueAndSeverity() {
        Threshold low = Threshold.parse("engine.oil.pressure <= 1.5 for 30s");
        assertThat(low.channel()).isEqualTo("engine.oil");
        assertThat(low.severity()).isEqualTo(Severity.WARNING);
        assertThat(low.crossed(1.5)).isTrue();
        assertThat(low.over(1.6)).isTrue();
        assertThat(low.over(1.5)).isFalse();
        assertThatThrownBy(() -> Threshold.parse("pressure is low")).isInstanceOf(IllegalArgumentException.class);
    }
}
