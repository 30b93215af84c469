package io.fleetmesh.api.rollouts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;

/**
 * The body of {@code POST /api/v1/rollouts}: the package ({@code packageName}, {@code packageVersion}), the trucks
 * ({@code devices}, in the order they go, or a {@code tag}: its devices by id), and the plan, each part optional
 * ({@link RolloutPlan#DEFAULT}: 1 canary, then 10 %, then the rest; 90 % success to go on; abort at 20 % failed;
 * 60 trucks a minute; 14 days), and {@code installWhen}: the preconditions a truck waits for before it installs.
 */
record NewRollout(@NotBlank @Size(max = 100) String name, @NotBlank String packageName, @NotBlank String packageVersion,
                  @Size(max = 100_000) List<@NotBlank String> devices, @Size(min = 1, max = 64) String tag,
                  Integer canary, List<@NotNull Integer> percents, Integer successPercent, Integer abortFailures,
                  Integer abortPercent, Integer perMinute, Duration deadline, List<@NotNull String> installWhen) {

    RolloutPlan plan() {
        RolloutPlan d = RolloutPlan.DEFAULT;
        return new RolloutPlan(or(canary, d.canary()), percents == null ? d.percents() : percents,
                or(successPercent, d.successPercent()), abortFailures,
                abortFailures == null && abortPercent == null ? d.abortPercent() : abortPercent,
                or(perMinute, d.perMinute()), deadline == null ? d.deadline() : deadline, installWhen).checked();
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
