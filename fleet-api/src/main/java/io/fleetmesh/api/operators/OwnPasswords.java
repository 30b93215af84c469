package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.Caller;
import org.springframework.context.ApplicationEventPublisher;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotAllowed;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An operator changes their own password: over the API or on the dashboard's password page. */
@Component
class OwnPasswords {

    private final OperatorRepository operators;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    OwnPasswords(OperatorRepository operators, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.operators = operators;
        this.passwords = passwords;
        this.events = events;
    }

    /** 403 for an API key, which has no password; 400 if the current password is wrong or the new one the same. */
    @Transactional
    void change(Caller caller, PasswordChange change) {
        Operator operator = operators.findByUsername(caller.name())
                .orElseThrow(() -> new NotAllowed("Only operators have a password."));
        if (!passwords.matches(change.currentPassword(), operator.passwordHash())) {
            throw new InvalidInput("The current password is wrong.");
        }
        if (change.currentPassword().equals(change.newPassword())) {
            throw new InvalidInput("The new password must differ from the current one.");
        }
        operator.changePassword(passwords.encode(change.newPassword()));
        events.publishEvent(new PasswordChanged(caller.tenantId(), caller.name()));
    }
}
