package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.Role;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/operators}; {@code temporaryPassword}: the operator must change it at the first
 * login (an administrator handing out a first password).
 */
record NewOperator(
        @NotNull @Pattern(regexp = NewOperator.USERNAME, message = "1-64 characters of a-z, 0-9, '.', '_', '@' and '-'")
        String username,
        @NotNull @Size(min = 12, max = 200, message = "12 to 200 characters") String password,
        @NotNull Role role,
        Boolean temporaryPassword) {

    /** What an operator's username can be. */
    static final String USERNAME = "[a-z0-9._@-]{1,64}";
}
