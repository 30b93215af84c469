package io.fleetmesh.api.operators;

import java.util.UUID;

/**
 * A login was refused (audit log). {@code tenantId}: the named operator's tenant, so its administrators see the
 * attempt; null for a name no operator has.
 */
public record LoginFailed(UUID tenantId, String username, String reason) {
}
