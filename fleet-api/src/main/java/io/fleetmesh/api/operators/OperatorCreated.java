package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.Role;
import java.util.UUID;

/** An operator account was created (audit log). */
public record OperatorCreated(UUID tenantId, String username, Role role, String createdBy) {
}
