package io.fleetmesh.api.telemetry;

import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A device's newest reading per channel; lastSeen is null before its first reading. */
public record LatestValues(String deviceId, Instant lastSeen, Map<String, Channel> channels) {

    public record Channel(Instant ts, JsonNode metrics) {
    }
}
