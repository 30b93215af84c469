package io.fleetmesh.api.telemetry;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Readings of a device in a time range, as the API shows them. */
record TelemetryPage(String deviceId, Instant from, Instant to, List<Item> items) {

    record Item(Instant ts, String channel, JsonNode metrics) {
    }
}
