package io.fleetmesh.api.maintenance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A service done on a device against a schedule, as recorded. */
public record ServiceRecord(UUID scheduleId, String schedule, LocalDate doneOn, double odometerKm, double engineHours,
                            String note, BigDecimal cost, String recordedBy) {
}
