package io.fleetmesh.api.operators;

import java.util.UUID;

/** An operator changed their password (audit log). */
public record PasswordChanged(UUID tenantId, String username) {
}
