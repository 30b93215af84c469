package io.fleetmesh.api.operators;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Operators' username and password (dashboard form login, or Basic for scripts), throttled per username. */
@Component
class OperatorAuthentication implements AuthenticationProvider {

    private final OperatorRepository operators;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final String unknownUserHash;

    OperatorAuthentication(OperatorRepository operators, PasswordEncoder passwords, Clock clock) {
        this.operators = operators;
        this.passwords = passwords;
        this.throttle = new LoginThrottle(clock);
        this.unknownUserHash = passwords.encode("no such operator");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = String.valueOf(attempt.getName()).trim().toLowerCase(Locale.ROOT);
        if (throttle.blocked(username)) {
            throw new LockedException("Too many failed logins for this name; try again in a few minutes.");
        }
        Operator operator = verified(username, String.valueOf(attempt.getCredentials())).orElseThrow(() -> {
            throttle.failed(username);
            return new BadCredentialsException("Wrong username or password.");
        });
        throttle.succeeded(username);
        return operator.caller().authenticated();
    }

    /** The password is checked even for an unknown name, so both cases take the same time. */
    private Optional<Operator> verified(String username, String password) {
        Optional<Operator> operator = operators.findByUsername(username);
        boolean matches = passwords.matches(password, operator.map(Operator::passwordHash).orElse(unknownUserHash));
        return matches ? operator : Optional.empty();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
