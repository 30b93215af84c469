package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.Role;
import java.time.Instant;
import java.util.UUID;

/** An operator as the API shows it (never the password hash). */
public record OperatorView(UUID id, String username, Role role, Instant createdAt, String email, String language,
                           String zone) {
}
