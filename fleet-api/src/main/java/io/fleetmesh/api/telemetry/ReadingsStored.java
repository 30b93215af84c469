package io.fleetmesh.api.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A batch's readings just stored (redeliveries included: listeners must be idempotent), for the cloud's own rules:
 * geofences on {@code gps}, thresholds for devices without an agent. {@code metricsJson} is the reading's JSON
 * object of metrics, parsed only by a listener that needs it.
 */
public record ReadingsStored(UUID tenantId, List<Stored> readings) {

    public record Stored(String deviceId, String channel, Instant ts, String metricsJson) {
    }
}
