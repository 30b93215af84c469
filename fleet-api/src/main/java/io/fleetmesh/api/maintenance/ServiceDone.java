package io.fleetmesh.api.maintenance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/v1/devices/{id}/maintenance/{scheduleId}/services}: when (default today), the
 * odometer in km and engine hours then (default: the counters now), a note and a cost.
 */
record ServiceDone(LocalDate date,
                   @DecimalMin("0") @DecimalMax("100000000") Double odometerKm,
                   @DecimalMin("0") @DecimalMax("10000000") Double engineHours,
                   @Size(max = 2000) String note,
                   @DecimalMin("0") @DecimalMax("9999999999") BigDecimal cost) {
}
