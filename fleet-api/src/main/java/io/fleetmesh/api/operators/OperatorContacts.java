package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.refusals.NotAllowed;
import io.fleetmesh.api.refusals.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Operators' e-mail address, language and zone: one's own, or (an administrator) another's in the same tenant. */
@Component
class OperatorContacts {

    private final OperatorRepository operators;

    OperatorContacts(OperatorRepository operators) {
        this.operators = operators;
    }

    /** 403 for an API key: a key has no inbox. */
    @Transactional
    OperatorView changeOwn(Caller caller, ContactChange change) {
        Operator operator = calling(caller);
        operator.changeContact(change);
        return operator.view();
    }

    /** 404 for a username of another tenant, as for one that does not exist. */
    @Transactional
    OperatorView change(Caller caller, String username, ContactChange change) {
        Operator operator = operators.findByTenantIdAndUsername(caller.tenantId(), username)
                .orElseThrow(() -> new NotFound("No operator " + username + "."));
        operator.changeContact(change);
        return operator.view();
    }

    @Transactional(readOnly = true)
    OperatorView own(Caller caller) {
        return calling(caller).view();
    }

    /** The caller's own operator, looked up in the caller's tenant only. */
    private Operator calling(Caller caller) {
        return operators.findByTenantIdAndUsername(caller.tenantId(), caller.name())
                .orElseThrow(() -> new NotAllowed("Only operators have contact details."));
    }
}
