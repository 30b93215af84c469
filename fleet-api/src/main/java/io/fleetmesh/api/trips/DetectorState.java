package io.fleetmesh.api.trips;

import java.time.Instant;

/**
 * Everything the detector knows of a device between two readings, stored with its checkpoint so that detection
 * resumes where it stopped. {@code pending} is a change not yet confirmed (a departure not yet far or long enough,
 * a halt not yet long enough) with the open segment as it was when the change began.
 */
record DetectorState(Mode mode, Span open, Pending pending, Place lastFix, boolean lastMoving, Instant lastEngineAt,
                     Boolean running, Counters counters, int jumpsInARow) {

    enum Mode { UNKNOWN, STOPPED, MOVING }

    record Pending(Span span, Span before) {
    }

    static final DetectorState INITIAL = new DetectorState(Mode.UNKNOWN, null, null, null, false, null, null, Counters.ZERO, 0);

    /** Resuming at a closed stop's arrival: stopped there since then, with the counters as they were. */
    static DetectorState stoppedAt(Place arrival, Counters counters) {
        return new DetectorState(Mode.STOPPED, Span.startingAt(arrival, counters), null, arrival, false, null, null, counters, 0);
    }
}
