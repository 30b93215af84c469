package io.fleetmesh.api.telemetry;

import java.util.UUID;

/** Every few seconds, on each replica: the tenant's readings a second over the last minute (live dashboards). */
public record IngestRateSampled(UUID tenantId, double readingsPerSecond) {
}
