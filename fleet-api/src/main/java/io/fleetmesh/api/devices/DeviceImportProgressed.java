package io.fleetmesh.api.devices;

import java.util.UUID;

/** A bulk import went on (a chunk of rows done) or finished: for live progress on the dashboard. */
public record DeviceImportProgressed(UUID tenantId, UUID importId, int total, int done, int created, boolean finished) {
}
