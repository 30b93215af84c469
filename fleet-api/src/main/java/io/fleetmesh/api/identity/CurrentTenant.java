package io.fleetmesh.api.identity;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The tenant of the authenticated caller of the current request: every read and write is scoped to it. */
@Component
public class CurrentTenant {

    /** The tenant the V1 migration creates; the quick start's operators and devices live in it. */
    public static final UUID DEFAULT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    public UUID id() {
        return caller().tenantId();
    }

    /** Fails (which the security filters prevent) rather than fall back to some tenant. */
    public Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
            throw new IllegalStateException("no authenticated caller on this thread");
        }
        return caller;
    }
}
