package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.identity.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * At the first start (no operator yet) creates the administrator of the default tenant, with the configured
 * password or a generated one printed once. Replicas starting together race on the unique username; the loser
 * finds the winner's admin and does nothing.
 */
@Component
@EnableConfigurationProperties(OperatorProperties.class)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final OperatorRepository operators;
    private final PasswordEncoder passwords;
    private final OperatorProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FirstAdmin(OperatorRepository operators, PasswordEncoder passwords, OperatorProperties properties,
               ApplicationEventPublisher events, Clock clock) {
        this.operators = operators;
        this.passwords = passwords;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (operators.count() > 0) {
            return;
        }
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? randomPassword() : properties.adminPassword();
        try {
            Operator admin = new Operator(CurrentTenant.DEFAULT, properties.adminUsername(), passwords.encode(password),
                    Role.ADMIN, clock.instant());
            if (properties.temporary(generated)) {
                admin.requirePasswordChange();
            }
            operators.saveAndFlush(admin);
        } catch (DataIntegrityViolationException anotherReplicaWasFirst) {
            return;
        }
        events.publishEvent(new OperatorCreated(CurrentTenant.DEFAULT, properties.adminUsername(), Role.ADMIN, "first start"));
        if (generated) {
            log.warn("First start: created the administrator '{}' with the one-time password {} (shown only now;"
                    + " set fleetmesh.security.admin-password to choose it)", properties.adminUsername(), password);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
