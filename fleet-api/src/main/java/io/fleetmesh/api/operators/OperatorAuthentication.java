package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Operators' username and password (dashboard form login, or Basic for scripts), throttled per username. */
@Component
class OperatorAuthentication implements AuthenticationProvider {

    private final OperatorRepository operators;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    // Compared against when the username is unknown, so both cases take the same time.
    private final String unknownUserHash;

    OperatorAuthentication(OperatorRepository operators, PasswordEncoder passwords, Clock clock) {
        this.operators = operators;
        this.passwords = passwords;
        this.throttle = new LoginThrottle(clock);
        this.unknownUserHash = passwords.encode("no such operator");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = String.valueOf(attempt.getName()).trim().toLowerCase(java.util.Locale.ROOT);
        if (throttle.blocked(username)) {
            throw new LockedException("Too many failed logins for this name; try again in a few minutes.");
        }
        Optional<Operator> operator = operators.findByUsername(username);
        String password = String.valueOf(attempt.getCredentials());
        if (!passwords.matches(password, operator.map(Operator::passwordHash).orElse(unknownUserHash))
                || operator.isEmpty()) {
            throttle.failed(username);
            throw new BadCredentialsException("Wrong username or password.");
        }
        throttle.succeeded(username);
        Caller caller = operator.get().caller();
        return UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(new SimpleGrantedAuthority(caller.role().authority())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
