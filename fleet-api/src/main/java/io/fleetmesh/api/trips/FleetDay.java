package io.fleetmesh.api.trips;

import java.time.LocalDate;

/**
 * The fleet's day so far, in the caller's zone: trips closed since midnight (one still under way counts when it
 * ends), the vehicles that drove them, their distance, driving and engine time, and the stops begun since.
 */
public record FleetDay(LocalDate day, String zone, int vehicles, int trips, double distanceMeters, long drivingSeconds,
                       long engineSeconds, int stops) {
}
