package io.fleetmesh.api.trips;

/**
 * A trip or stop while it lasts: where and when it began, the device's counters then, and what it gathered since;
 * {@code driver}: the first driver badged in while it lasted (or already then), null if none.
 */
record Span(Place start, double distanceM, double maxSpeedKmh, double engineSeconds, Counters atStart, String driver) {

    static Span startingAt(Place start, Counters counters) {
        return new Span(start, 0, 0, 0, counters, null);
    }

    Span moved(double meters, Double speedKmh) {
        double fastest = speedKmh == null ? maxSpeedKmh : Math.max(maxSpeedKmh, speedKmh);
        return new Span(start, distanceM + meters, fastest, engineSeconds, atStart, driver);
    }

    Span ran(double seconds) {
        return new Span(start, distanceM, maxSpeedKmh, engineSeconds + seconds, atStart, driver);
    }

    /** The span's driver, if it has none yet: who drives a trip is who was badged in first during it. */
    Span drivenBy(String badged) {
        return driver != null || badged == null ? this : new Span(start, distanceM, maxSpeedKmh, engineSeconds, atStart, badged);
    }

    /**
     * This span as a trip ending where {@code next} begins. The distance is the vehicle's odometer difference when
     * it reported one at both ends, else the fixes' sum.
     */
    Segment.Trip tripUntil(Span next) {
        Double from = atStart.vehicleOdometerM();
        Double to = next.atStart.vehicleOdometerM();
        double distance = from != null && to != null ? Math.max(0, to - from) : distanceM;
        return new Segment.Trip(start, next.start, distance, maxSpeedKmh, engineSeconds, atStart.odometerM(),
                next.atStart.odometerM(), driver);
    }

    Segment.Stop stopUntil(Span next, DetectorState resume) {
        return new Segment.Stop(start, next.start, engineSeconds, resume);
    }
}
