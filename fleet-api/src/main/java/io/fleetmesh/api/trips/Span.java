package io.fleetmesh.api.trips;

/**
 * A trip or stop while it lasts: where and when it began, the odometer then, and what it has gathered since.
 * {@code vehicleOdometerStartM} is the vehicle's own counter at the start, when it sends one.
 */
record Span(Place start, double distanceM, double maxSpeedKmh, double engineSeconds, double odometerStartM,
            Double vehicleOdometerStartM) {

    static Span startingAt(Place start, Counters counters) {
        return new Span(start, 0, 0, 0, counters.odometerM(), counters.vehicleOdometerM());
    }

    Span moved(double meters, Double speedKmh) {
        double fastest = speedKmh == null ? maxSpeedKmh : Math.max(maxSpeedKmh, speedKmh);
        return new Span(start, distanceM + meters, fastest, engineSeconds, odometerStartM, vehicleOdometerStartM);
    }

    Span ran(double seconds) {
        return new Span(start, distanceM, maxSpeedKmh, engineSeconds + seconds, odometerStartM, vehicleOdometerStartM);
    }

    Segment.Trip tripTo(Place end, Counters counters) {
        boolean counted = vehicleOdometerStartM != null && counters.vehicleOdometerM() != null;
        double distance = counted ? Math.max(0, counters.vehicleOdometerM() - vehicleOdometerStartM) : distanceM;
        return new Segment.Trip(start, end, distance, maxSpeedKmh, engineSeconds, odometerStartM, counters.odometerM());
    }

    Segment.Stop stopUntil(Place departure) {
        return new Segment.Stop(start, departure, engineSeconds);
    }
}
