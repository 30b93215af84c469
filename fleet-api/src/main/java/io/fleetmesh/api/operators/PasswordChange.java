package io.fleetmesh.api.operators;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code PUT /api/v1/operators/me/password}. */
record PasswordChange(@NotNull String currentPassword,
                      @NotNull @Size(min = 12, max = 200, message = "12 to 200 characters") String newPassword) {
}
