package io.fleetmesh.api.operators;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorRepository extends JpaRepository<Operator, UUID> {

    Optional<Operator> findByUsername(String username);

    Optional<Operator> findByTenantIdAndUsername(UUID tenantId, String username);

    List<Operator> findByTenantIdOrderByUsername(UUID tenantId);

    List<Operator> findByTenantIdAndUsernameIn(UUID tenantId, Collection<String> usernames);
}
