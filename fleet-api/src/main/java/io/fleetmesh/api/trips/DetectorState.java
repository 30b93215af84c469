package io.fleetmesh.api.trips;

import java.time.Instant;

/**
 * Everything the detector knows of a device between two readings, stored with its checkpoint so that detection
 * resumes where it stopped. {@code pending} is a change not yet confirmed (a departure not yet far or long enough,
 * a halt not yet long enough) with the open segment as it was when the change began. {@code openStopResume} is the
 * open stop's {@link Segment.Stop#resume()}. {@code driver}: who is badged in now (null: nobody).
 */
record DetectorState(Mode mode, Span open, Pending pending, Place lastFix, boolean lastMoving, Instant lastEngineAt,
                     Boolean running, Counters counters, int jumpsInARow, DetectorState openStopResume, String driver) {

    enum Mode { UNKNOWN, STOPPED, MOVING }

    /** {@code resume}: for a halt, the detector as it will have been at the arrival if the halt becomes a stop. */
    record Pending(Span span, Span before, DetectorState resume) {

        Pending moved(double meters, Double speedKmh) {
            return new Pending(span.moved(meters, speedKmh), before, resume);
        }

        Pending ran(double seconds) {
            return new Pending(span.ran(seconds), before, resume);
        }

        Pending resumable(DetectorState state) {
            return new Pending(span, before, state);
        }

        Pending drivenBy(String driver) {
            return new Pending(span.drivenBy(driver), before.drivenBy(driver), resume);
        }
    }

    static final DetectorState INITIAL = new DetectorState(Mode.UNKNOWN, null, null, null, false, null, null, Counters.ZERO,
            0, null, null);

    /** The time of the last reading this state took in: detection resumes from it with the readings after it. */
    Instant consumedUntil() {
        Instant fix = lastFix == null ? null : lastFix.at();
        if (fix == null || lastEngineAt != null && lastEngineAt.isAfter(fix)) {
            return lastEngineAt;
        }
        return fix;
    }
}
