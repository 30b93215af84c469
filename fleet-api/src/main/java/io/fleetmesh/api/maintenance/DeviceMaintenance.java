package io.fleetmesh.api.maintenance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Where a device stands against one schedule, and its last service (null if none yet: counted from the baseline);
 * {@code countedFrom}: the day of that service or baseline.
 */
public record DeviceMaintenance(UUID scheduleId, String schedule, String deviceId, MaintenanceState state, Double kmLeft,
                         Double engineHoursLeft, Long daysLeft, LocalDate dueDate, LocalDate lastServiceOn,
                         Double lastServiceOdometerKm, LocalDate countedFrom) {
}
