package io.fleetmesh.api.maintenance;

import java.time.LocalDate;

/**
 * Where a vehicle's counters stood on a day: at a service ({@code service}), when a schedule first counted it (its
 * baseline), or now.
 */
record ServicePoint(LocalDate date, double odometerKm, double engineHours, boolean service) {

    /** A service. */
    ServicePoint(LocalDate date, double odometerKm, double engineHours) {
        this(date, odometerKm, engineHours, true);
    }
}
