package io.fleetmesh.api.trips;

import java.time.Duration;

/** Whether a fix is believable, given the last accepted one, and how fast the device went. */
final class FixCheck {

    /** A jump repeated this many times in a row is where the device really is (it moved while it had no fix). */
    static final int JUMPS_BELIEVED_AFTER = 3;

    private FixCheck() {
    }

    /** Why the fix is left out, or null to take it. */
    static Skip skip(Sample.Fix fix, Place last, TripSettings settings, int jumpsInARow) {
        if (!inRange(fix.lat(), fix.lon())) {
            return Skip.OUT_OF_RANGE;
        }
        if (fix.accuracyM() != null && fix.accuracyM() > settings.maxAccuracyM()) {
            return Skip.INACCURATE;
        }
        if (last == null) {
            return null;
        }
        Duration gap = Duration.between(last.at(), fix.ts());
        if (gap.isNegative()) {
            return Skip.BACKWARDS;
        }
        if (gap.compareTo(settings.minFixInterval()) < 0) {
            return Skip.TOO_FREQUENT;
        }
        boolean jump = kmh(last.metersTo(new Place(fix.ts(), fix.lat(), fix.lon())), gap) > settings.maxSpeedKmh()
                && gap.compareTo(settings.minNoDataDuration()) <= 0;
        return jump && jumpsInARow < JUMPS_BELIEVED_AFTER ? Skip.JUMP : null;
    }

    /** The reported speed if believable, else the speed from the last fix, else null (the first fix). */
    static Double speed(Sample.Fix fix, Place last, double step, TripSettings settings) {
        if (believable(fix, settings)) {
            return fix.speedKmh();
        }
        return last == null ? null : kmh(step, Duration.between(last.at(), fix.ts()));
    }

    static boolean believable(Sample.Fix fix, TripSettings settings) {
        Double speed = fix.speedKmh();
        return speed != null && speed >= 0 && speed <= settings.maxSpeedKmh();
    }

    private static boolean inRange(double lat, double lon) {
        return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && !(lat == 0 && lon == 0);
    }

    private static double kmh(double meters, Duration gap) {
        return gap.isZero() ? Double.POSITIVE_INFINITY : meters / (gap.toMillis() / 1000.0) * 3.6;
    }
}
