package io.fleetmesh.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectPatternsTest {

    @Test
    void aPatternIsWithinAnotherWhenEverySubjectItMatchesMatchesTheOther() {
        assertThat(SubjectPatterns.within("fleet.*.telemetry.>", "fleet.*.telemetry.>")).isTrue();
        assertThat(SubjectPatterns.within("fleet.t-1.telemetry.reefer", "fleet.*.telemetry.>")).isTrue();
        assertThat(SubjectPatterns.within("fleet.*.telemetry.reefer.*", "fleet.*.telemetry.>")).isTrue();
        assertThat(SubjectPatterns.within("fleet.*.telemetry", "fleet.*.telemetry.>")).as("> needs a token").isFalse();
        assertThat(SubjectPatterns.within("fleet.>", "fleet.*.telemetry.>")).isFalse();
        assertThat(SubjectPatterns.within("fleet.*.cmd.>", "fleet.*.telemetry.>")).isFalse();
        assertThat(SubjectPatterns.within("*.t-1.telemetry.x", "fleet.*.telemetry.>")).isFalse();
        assertThat(SubjectPatterns.within("fleet.t-1.events.alert", "fleet.*.events.alert")).isTrue();
        assertThat(SubjectPatterns.within("fleet.t-1.events.alert.x", "fleet.*.events.alert")).isFalse();
    }
}
