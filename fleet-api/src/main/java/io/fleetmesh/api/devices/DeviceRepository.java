package io.fleetmesh.api.devices;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface DeviceRepository extends JpaRepository<Device, DeviceKey>, JpaSpecificationExecutor<Device> {

    List<Device> findByTenantIdOrderById(UUID tenantId);

    @Query(value = "SELECT id FROM devices WHERE tenant_id = :tenantId AND :tag = ANY (tags) ORDER BY id", nativeQuery = true)
    List<String> findIdsWithTag(UUID tenantId, String tag);
}
