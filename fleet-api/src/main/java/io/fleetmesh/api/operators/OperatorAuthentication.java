package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.PasswordChangeGate;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
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

    private static final Pattern POSSIBLE_USERNAME = Pattern.compile(NewOperator.USERNAME);
    private static final int AUDITED_NAME_LENGTH = 64;

    private final OperatorRepository operators;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;
    private final String unknownUserHash;

    OperatorAuthentication(OperatorRepository operators, PasswordEncoder passwords, ApplicationEventPublisher events,
                           Clock clock) {
        this.operators = operators;
        this.passwords = passwords;
        this.events = events;
        this.throttle = new LoginThrottle(clock);
        this.unknownUserHash = passwords.encode("no such operator");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = String.valueOf(attempt.getName()).trim().toLowerCase(Locale.ROOT);
        // a name no operator can have is not looked up: it would find none, and PostgreSQL refuses some (a NUL)
        Optional<Operator> operator = POSSIBLE_USERNAME.matcher(username).matches()
                ? operators.findByUsername(username) : Optional.empty();
        if (throttle.blocked(username)) {
            failed(operator, username, "throttled");
            throw new LockedException("Too many failed logins for this name; try again in a few minutes.");
        }
        if (!matches(operator, String.valueOf(attempt.getCredentials()))) {
            throttle.failed(username);
            failed(operator, username, operator.isPresent() ? "wrong password" : "unknown name");
            throw new BadCredentialsException("Wrong username or password.");
        }
        throttle.succeeded(username);
        Operator known = operator.orElseThrow();
        return known.passwordChangeRequired() ? PasswordChangeGate.pending(known.caller()) : known.caller().authenticated();
    }

    /** The password is checked even for an unknown name, so both cases take the same time. */
    private boolean matches(Optional<Operator> operator, String password) {
        return passwords.matches(password, operator.map(Operator::passwordHash).orElse(unknownUserHash));
    }

    private void failed(Optional<Operator> operator, String username, String reason) {
        events.publishEvent(new LoginFailed(operator.map(Operator::tenantId).orElse(null), audited(username), reason));
    }

    /**
     * A failed login's name as the audit log keeps it: cut (a guesser's names must not fill the log) and with control
     * characters replaced (PostgreSQL refuses a NUL in text).
     */
    private static String audited(String username) {
        String cut = username.length() > AUDITED_NAME_LENGTH ? username.substring(0, AUDITED_NAME_LENGTH) + "..." : username;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
