package io.fleetmesh.api.apikeys;

import io.fleetmesh.api.identity.BearerToken;
import io.fleetmesh.api.identity.Caller;
import java.time.Clock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Verifies {@code Bearer} API keys: known, not expired, not revoked, and the secret's hash matches. */
@Component
class ApiKeyAuthentication implements AuthenticationProvider {

    private final ApiKeyRepository keys;
    private final Clock clock;

    ApiKeyAuthentication(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Caller caller = ApiKeyToken.parse(String.valueOf(attempt.getCredentials()))
                .flatMap(token -> keys.findByPrefix(token.prefix()).filter(key -> key.accepts(token, clock.instant())))
                .map(ApiKey::caller)
                .orElseThrow(() -> new BadCredentialsException("The API key is unknown, expired or revoked."));
        return caller.authenticated();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerToken.class.isAssignableFrom(authentication);
    }
}
