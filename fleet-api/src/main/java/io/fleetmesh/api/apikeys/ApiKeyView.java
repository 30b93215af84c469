package io.fleetmesh.api.apikeys;

import io.fleetmesh.api.identity.Role;
import java.time.Instant;
import java.util.UUID;

/** A key as listed: never its secret. */
public record ApiKeyView(UUID id, String name, String prefix, Role role, Instant createdAt, Instant expiresAt,
                         Instant revokedAt, String createdBy) {
}
