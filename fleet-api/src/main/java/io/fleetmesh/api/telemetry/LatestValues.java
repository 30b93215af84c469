package io.fleetmesh.api.telemetry;

import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A device's newest reading per channel; lastSeen is null before its first reading. */
record LatestValues(String deviceId, Instant lastSeen, Map<String, Channel> channels) {

    record Channel(Instant ts, JsonNode metrics) {
    }
}
