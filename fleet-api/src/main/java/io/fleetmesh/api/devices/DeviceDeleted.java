package io.fleetmesh.api.devices;

import java.util.UUID;

/** Published in the deleting transaction, so features holding a device's data can remove it with the device. */
public record DeviceDeleted(UUID tenantId, String deviceId, String deletedBy) {
}
