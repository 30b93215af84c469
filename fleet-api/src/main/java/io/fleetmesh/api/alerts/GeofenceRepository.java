package io.fleetmesh.api.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface GeofenceRepository extends JpaRepository<GeofenceDefinition, UUID> {

    List<GeofenceDefinition> findByTenantIdOrderByName(UUID tenantId);

    Optional<GeofenceDefinition> findByIdAndTenantId(UUID id, UUID tenantId);
}
