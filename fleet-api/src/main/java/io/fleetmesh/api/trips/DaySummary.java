package io.fleetmesh.api.trips;

import java.time.LocalDate;

/**
 * One device's day in the summary report, in the asked time zone: trips are counted on the day they started, stops
 * on the day they began; odometers (metres, with what an operator set) at the day's first trip start and last trip end.
 */
public record DaySummary(String deviceId, LocalDate day, double distanceMeters, long drivingSeconds, double engineHours,
                         double maxSpeedKmh, int trips, int stops, Double odometerStartMeters, Double odometerEndMeters) {
}
