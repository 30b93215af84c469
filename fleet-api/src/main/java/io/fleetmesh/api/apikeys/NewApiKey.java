package io.fleetmesh.api.apikeys;

import io.fleetmesh.api.identity.Role;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * The body of {@code POST /api/v1/api-keys}.
 *
 * @param validFor how long the key works, ISO-8601 ({@code P90D}); at most two years
 */
record NewApiKey(@NotBlank @Size(max = 100) String name, @NotNull Role role, @NotNull Duration validFor) {

    @AssertTrue(message = "validFor must be positive and at most P730D")
    boolean isValidForInRange() {
        return validFor == null || (!validFor.isNegative() && !validFor.isZero() && validFor.compareTo(Duration.ofDays(730)) <= 0);
    }
}
