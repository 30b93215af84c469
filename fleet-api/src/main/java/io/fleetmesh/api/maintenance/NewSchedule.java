package io.fleetmesh.api.maintenance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/v1/maintenance/schedules}: a name, at least one of {@code everyKm},
 * {@code everyEngineHours}, {@code everyDays} and {@code onDate}; {@code device} or {@code tag} (neither: every
 * device); {@code soonPercent} (default 10): "due soon" within that share of an interval.
 */
record NewSchedule(
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = "[a-z0-9-]{1,64}") String device,
        @Size(min = 1, max = 64) String tag,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000") Double everyKm,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") Double everyEngineHours,
        @Min(1) @Max(36500) Integer everyDays,
        LocalDate onDate,
        @Min(0) @Max(50) Integer soonPercent) {

    MaintenanceInterval interval() {
        return new MaintenanceInterval(everyKm, everyEngineHours, everyDays, onDate, soonPercent == null ? 10 : soonPercent);
    }
}
