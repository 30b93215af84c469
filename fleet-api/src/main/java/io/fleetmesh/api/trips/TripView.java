package io.fleetmesh.api.trips;

import java.time.Instant;

/**
 * A trip as the API shows it: metres, seconds and km/h; odometers with what an operator set added. {@code ongoing}:
 * the trip the device is on now (it ends, for now, at its latest fix). Coordinates are null for a trip that began
 * before the device's first fix.
 */
public record TripView(String deviceId, Instant startedAt, Instant endedAt, Double startLat, Double startLon,
                       Double endLat, Double endLon, double distanceMeters, long durationSeconds, double maxSpeedKmh,
                       double averageSpeedKmh, double engineSeconds, double odometerStartMeters,
                       double odometerEndMeters, String driverId, boolean ongoing) {
}
