package io.fleetmesh.api.telemetry;

/** The configuration version a device's agent last reported applying in its heartbeat; null if it never did. */
public record AppliedConfig(String deviceId, Long version) {
}
