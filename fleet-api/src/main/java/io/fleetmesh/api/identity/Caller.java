package io.fleetmesh.api.identity;

import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

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

    /** The authenticated result a provider returns for this caller: its one role is its one authority. */
    public Authentication authenticated() {
        return UsernamePasswordAuthenticationToken.authenticated(this, null, List.of(new SimpleGrantedAuthority(role.authority())));
    }
}
