package io.fleetmesh.api.taps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Gap detection as a pure unit: what a tap had not acknowledged when its stream discarded it, reported once. */
class TapGapTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void theSequencesDiscardedBeyondTheFloorAreAGapOnce() {
        assertThat(TapGap.detect(100, 0, 101, true, NOW)).as("nothing discarded unread").isEmpty();
        TapGap gap = TapGap.detect(100, 0, 151, true, NOW).orElseThrow();
        assertThat(gap.fromSequence()).isEqualTo(101);
        assertThat(gap.toSequence()).isEqualTo(150);
        assertThat(gap.messages()).isEqualTo(50);
        assertThat(TapGap.detect(100, 150, 151, true, NOW)).as("already reported").isEmpty();
        assertThat(TapGap.detect(100, 150, 161, false, NOW).orElseThrow())
                .isEqualTo(new TapGap(151, 160, 10, false, NOW));
        assertThat(TapGap.detect(0, 0, 0, true, NOW)).as("an empty stream").isEmpty();
    }
}
