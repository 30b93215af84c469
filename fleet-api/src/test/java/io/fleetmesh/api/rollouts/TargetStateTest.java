package io.fleetmesh.api.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetStateTest {

    @Test
    void aTruckMovesOnlyForwardsOnceReleasedAndItsDownloadShowsProgress() {
        assertThat(TargetState.WAITING.canBecome(TargetState.SUCCEEDED)).as("not released: its report counts for nothing")
                .isFalse();
        assertThat(TargetState.PENDING.canBecome(TargetState.DOWNLOADING)).isTrue();
        assertThat(TargetState.DOWNLOADING.canBecome(TargetState.DOWNLOADING)).as("more bytes").isTrue();
        assertThat(TargetState.INSTALLING.canBecome(TargetState.DOWNLOADING)).as("a late report").isFalse();
        assertThat(TargetState.VERIFIED.canBecome(TargetState.FAILED)).isTrue();
        assertThat(TargetState.INSTALLING.canBecome(TargetState.ROLLED_BACK)).isTrue();
        assertThat(TargetState.SUCCEEDED.canBecome(TargetState.FAILED)).as("an end is an end").isFalse();
        assertThat(TargetState.SKIPPED.canBecome(TargetState.DOWNLOADING)).isFalse();
    }
}
