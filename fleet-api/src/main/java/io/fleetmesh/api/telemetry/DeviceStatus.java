package io.fleetmesh.api.telemetry;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A device's presence as its agent reports it. {@code online}: a heartbeat arrived within
 * {@code fleetmesh.telemetry.offline-after}; {@code agent} is the last heartbeat as sent (version, uptime,
 * backlog, oldest unsynced age, discarded count, last sync), null if none ever arrived.
 */
public record DeviceStatus(String deviceId, boolean online, Instant lastHeartbeat, JsonNode agent) {
}
