package io.fleetmesh.api.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An {@code Authorization: Bearer} token not yet verified; the API keys feature authenticates it. */
public final class BearerToken extends AbstractAuthenticationToken {

    private final String token;

    public BearerToken(String token) {
        super(List.of());
        this.token = token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }
}
