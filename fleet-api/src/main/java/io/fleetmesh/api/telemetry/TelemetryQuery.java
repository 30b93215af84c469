package io.fleetmesh.api.telemetry;

import java.time.Instant;
import java.util.UUID;

/** Readings of one device in [from, to), optionally of one channel. */
record TelemetryQuery(UUID tenantId, String deviceId, Instant from, Instant to, String channel, int limit,
                      boolean ascending) {
}
