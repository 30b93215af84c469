package io.fleetmesh.api.taps;

import jakarta.validation.constraints.Min;
import java.time.Instant;

/** Where to move a tap: to a stream {@code sequence} or to the first message at or after a {@code time}. */
record TapReset(@Min(1) Long sequence, Instant time) {

    TapStart start() {
        if ((sequence == null) == (time == null)) {
            throw TapSettings.invalid("sequence", "A reset names a sequence or a time: one of them.");
        }
        if (sequence != null && sequence < 1) {
            throw TapSettings.invalid("sequence", "A stream sequence is 1 or more.");
        }
        return sequence != null ? TapStart.sequence(sequence) : TapStart.time(time);
    }
}
