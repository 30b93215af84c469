package io.fleetmesh.api.identity;

import java.security.Principal;
import java.util.UUID;

/**
 * Who is calling: an operator or an API key, always in one tenant with one role. It is the principal of every
 * authenticated request, so the tenant never comes from the request itself.
 *
 * @param name   the operator's username, or {@code key:<prefix>} for an API key (audit log)
 */
public record Caller(UUID tenantId, String name, Role role) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
