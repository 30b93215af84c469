package io.fleetmesh.api.operators;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about operators: who they are (by username, in one tenant) and how to reach them. */
@Component
@Transactional(readOnly = true)
public class OperatorDirectory {

    private final OperatorRepository operators;

    OperatorDirectory(OperatorRepository operators) {
        this.operators = operators;
    }

    /** The ids of those usernames that are operators of this tenant; another tenant's operator is simply absent. */
    public Map<String, UUID> idsOf(UUID tenantId, Collection<String> usernames) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        operators.findByTenantIdAndUsernameIn(tenantId, usernames).forEach(o -> ids.put(o.contact().username(), o.contact().id()));
        return ids;
    }

    /** Every operator of the tenant by id: their usernames. */
    public Map<UUID, String> usernames(UUID tenantId) {
        Map<UUID, String> names = new LinkedHashMap<>();
        operators.findByTenantIdOrderByUsername(tenantId).forEach(o -> names.put(o.contact().id(), o.contact().username()));
        return names;
    }

    /** The contact of the operator with this username if they are one of this tenant's. */
    public Optional<OperatorContact> contact(UUID tenantId, String username) {
        return operators.findByTenantIdAndUsername(tenantId, username).map(Operator::contact);
    }

    /** The operator's contact if they are one of this tenant's. */
    public Optional<OperatorContact> contact(UUID tenantId, UUID operatorId) {
        return operators.findById(operatorId).filter(o -> o.tenantId().equals(tenantId)).map(Operator::contact);
    }
}
