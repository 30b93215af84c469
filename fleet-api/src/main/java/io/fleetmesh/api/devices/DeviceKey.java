package io.fleetmesh.api.devices;

import java.io.Serializable;
import java.util.UUID;

/** Devices are keyed by tenant and id: two tenants may name a truck the same. */
record DeviceKey(UUID tenantId, String id) implements Serializable {
}
