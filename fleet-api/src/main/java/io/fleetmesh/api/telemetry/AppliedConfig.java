package io.fleetmesh.api.telemetry;

import java.time.Instant;

/**
 * The configuration version a device's agent last reported applying in its heartbeat, null if it never did, and when
 * that heartbeat came (null: never).
 */
public record AppliedConfig(String deviceId, Long version, Instant lastHeartbeat) {
}
