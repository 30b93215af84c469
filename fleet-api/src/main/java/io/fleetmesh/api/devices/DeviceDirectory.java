package io.fleetmesh.api.devices;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about devices (whether they are registered, their tags) or tell them. */
@Component
@Transactional(readOnly = true)
public class DeviceDirectory {

    private final DeviceRepository devices;
    private final JdbcClient jdbc;

    DeviceDirectory(DeviceRepository devices, JdbcClient jdbc) {
        this.devices = devices;
        this.jdbc = jdbc;
    }

    /**
     * Ingest asks this for every batch, with up to a batch's devices: one statement with an array, outside a
     * transaction of its own (a JPQL {@code in} list of hundreds of parameters cost a fifth of ingest's CPU).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Set<String> registered(UUID tenantId, Collection<String> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM devices WHERE tenant_id = ? AND id = ANY(?)")
                .params(tenantId, deviceIds.toArray(String[]::new)).query(String.class).list());
    }

    /** The ids of the tenant's devices with this tag (a fan-out's targets), in id order. */
    public List<String> withTag(UUID tenantId, String tag) {
        return devices.findIdsWithTag(tenantId, tag);
    }

    /** Every device of the tenant with its tags, in id order (a configuration push per device). */
    public Map<String, List<String>> tagsOf(UUID tenantId) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        devices.findByTenantIdOrderById(tenantId).forEach(device -> tags.put(device.id(), device.tags()));
        return tags;
    }

    /** The device's tags; none for a device the tenant does not have (any more). */
    public List<String> tagsOf(UUID tenantId, String deviceId) {
        return devices.findById(new DeviceKey(tenantId, deviceId)).map(Device::tags).orElse(List.of());
    }

    /** The device as the API shows it; refused as not found if the tenant has no such device. */
    public DeviceView require(UUID tenantId, String deviceId) {
        return device(tenantId, deviceId).view();
    }

    /** The credentials feature issued a key to the device. */
    @Transactional
    public void credentialsIssued(UUID tenantId, String deviceId, Instant at) {
        device(tenantId, deviceId).credentialsIssued(at);
    }

    /** The credentials feature revoked every key of the device. */
    @Transactional
    public void credentialsRevoked(UUID tenantId, String deviceId, Instant at) {
        device(tenantId, deviceId).credentialsRevoked(at);
    }

    private Device device(UUID tenantId, String deviceId) {
        return devices.findById(new DeviceKey(tenantId, deviceId)).orElseThrow(() -> new DeviceNotFoundException(deviceId));
    }

    public void requireRegistered(UUID tenantId, String deviceId) {
        if (!devices.existsById(new DeviceKey(tenantId, deviceId))) {
            throw new DeviceNotFoundException(deviceId);
        }
    }
}
