package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.ProblemDocs;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator accounts of the caller's tenant (ADMIN only, see SecurityConfiguration), and one's own password. */
@RestController
@RequestMapping("/api/v1/operators")
class OperatorController {

    private final OperatorRepository operators;
    private final PasswordEncoder passwords;
    private final OwnPasswords ownPasswords;
    private final OperatorContacts contacts;
    private final CurrentTenant tenant;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OperatorController(OperatorRepository operators, PasswordEncoder passwords, OwnPasswords ownPasswords,
                       OperatorContacts contacts, CurrentTenant tenant, ApplicationEventPublisher events, Clock clock) {
        this.ownPasswords = ownPasswords;
        this.contacts = contacts;
        this.operators = operators;
        this.passwords = passwords;
        this.tenant = tenant;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping
    List<OperatorView> list() {
        return operators.findByTenantIdOrderByUsername(tenant.id()).stream().map(Operator::view).toList();
    }

    /** Any operator changes their own password (the first administrator's generated one first of all). */
    @PutMapping("/me/password")
    @Refuses(status = 403, detail = "Only operators have a password.")
    ResponseEntity<Void> changeOwnPassword(@Valid @RequestBody PasswordChange change) {
        ownPasswords.change(tenant.caller(), change);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Refuses(status = 403, detail = "Only operators have contact details.")
    OperatorView own() {
        return contacts.own(tenant.caller());
    }

    /** One's own e-mail address (for notifications), language and time zone. */
    @PutMapping("/me/contact")
    @Refuses(status = 403, detail = "Only operators have contact details.")
    OperatorView changeOwnContact(@Valid @RequestBody ContactChange change) {
        return contacts.changeOwn(tenant.caller(), change);
    }

    /** An administrator sets another operator's contact details. */
    @PutMapping("/{username}/contact")
    @Refuses(status = 404, when = "No operator of the tenant has this username.", detail = "Check the username.")
    OperatorView changeContact(@PathVariable String username, @Valid @RequestBody ContactChange change) {
        return contacts.change(tenant.caller(), username, change);
    }

    /** 409 (problem details) if the username is taken, in any tenant. */
    @PostMapping
    @Refuses(status = 409, when = "The username is taken, in this or another tenant.",
            detail = ProblemDocs.RELOAD_AND_RETRY)
    @Transactional
    ResponseEntity<OperatorView> create(@Valid @RequestBody NewOperator body) {
        Caller caller = tenant.caller();
        Operator operator = new Operator(caller.tenantId(), body.username(), passwords.encode(body.password()),
                body.role(), clock.instant());
        if (Boolean.TRUE.equals(body.temporaryPassword())) {
            operator.requirePasswordChange();
        }
        operators.saveAndFlush(operator);
        events.publishEvent(new OperatorCreated(caller.tenantId(), body.username(), body.role(), caller.name()));
        return ResponseEntity.created(URI.create("/api/v1/operators")).body(operator.view());
    }
}
