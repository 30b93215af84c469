package io.fleetmesh.api.apikeys;

import io.fleetmesh.api.identity.Role;
import java.util.UUID;

/** What happened to API keys (audit log). */
public final class ApiKeyEvents {

    private ApiKeyEvents() {
    }

    public record ApiKeyCreated(UUID tenantId, String prefix, String name, Role role, String by) {
    }

    public record ApiKeyRevoked(UUID tenantId, String prefix, String by) {
    }
}
