package io.fleetmesh.api.telemetry;

import java.time.Instant;

/** A device's latest gps reading: where it was, and when. */
public record Position(String deviceId, double lat, double lon, Instant ts) {
}
