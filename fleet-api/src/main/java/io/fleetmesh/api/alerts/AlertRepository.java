package io.fleetmesh.api.alerts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AlertRepository extends JpaRepository<Alert, UUID>, JpaSpecificationExecutor<Alert> {

    Optional<Alert> findByIdAndTenantId(UUID id, UUID tenantId);

    @Query("select a from Alert a where a.tenantId = :tenantId and a.deviceId = :deviceId and a.ruleId = :ruleId"
            + " and a.state <> io.fleetmesh.api.alerts.AlertState.RESOLVED")
    Optional<Alert> findOpen(UUID tenantId, String deviceId, String ruleId);

    @Query("select a.severity, count(a) from Alert a where a.tenantId = :tenantId"
            + " and a.state = io.fleetmesh.api.alerts.AlertState.ACTIVE group by a.severity")
    List<Object[]> countActiveBySeverity(UUID tenantId);

    @Query("select a.deviceId, a.severity, count(a) from Alert a where a.tenantId = :tenantId"
            + " and a.deviceId in :deviceIds and a.state <> io.fleetmesh.api.alerts.AlertState.RESOLVED"
            + " group by a.deviceId, a.severity")
    List<Object[]> countOpenByDeviceAndSeverity(UUID tenantId, Collection<String> deviceIds);

    @Query("select a.deviceId, a.severity, count(a) from Alert a where a.tenantId = :tenantId"
            + " and a.state <> io.fleetmesh.api.alerts.AlertState.RESOLVED group by a.deviceId, a.severity")
    List<Object[]> countOpenByDeviceAndSeverity(UUID tenantId);
}
