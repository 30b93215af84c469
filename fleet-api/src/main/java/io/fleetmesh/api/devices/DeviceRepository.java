package io.fleetmesh.api.devices;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface DeviceRepository extends JpaRepository<Device, DeviceKey>, JpaSpecificationExecutor<Device> {

    @Query("select d.id from Device d where d.tenantId = :tenantId and d.id in :ids")
    List<String> findExistingIds(UUID tenantId, Collection<String> ids);

    List<Device> findByTenantIdOrderById(UUID tenantId);

    @Query(value = "SELECT id FROM devices WHERE tenant_id = :tenantId AND :tag = ANY (tags) ORDER BY id", nativeQuery = true)
    List<String> findIdsWithTag(UUID tenantId, String tag);
}
