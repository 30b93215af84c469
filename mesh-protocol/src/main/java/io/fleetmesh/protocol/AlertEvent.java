package io.fleetmesh.protocol;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An alert raised or cleared on the truck; the same alertId links the two. The payload of {@link Subjects#alertEvents}
 * (synced) and of the driver display's {@link Subjects#driverAlerts} (local).
 */
public record AlertEvent(String alertId, String ruleId, String state, String severity, String metric, Double value,
                         Double threshold, Instant ts, String message) {

    public static final String RAISED = "RAISED";
    public static final String CLEARED = "CLEARED";
    public static final int MAX_BYTES = 16_384;
    private static final int MAX_TEXT = 500;

    /** The agent's own alert when buffer limits discarded unsynced messages. */
    public static AlertEvent overflow(long lost, long total) {
        return new AlertEvent(UUID.randomUUID().toString(), "outbox-overflow", RAISED, "WARNING", "outbox.discarded",
                (double) lost, 0.0, Instant.now(), "buffer limits discarded " + lost + " unsynced messages (" + total
                        + " since the agent started)");
    }

    public boolean cleared() {
        return CLEARED.equals(state);
    }

    public byte[] toJson() {
        return Json.mapper.writeValueAsBytes(this);
    }

    /** As the cloud accepts it: the texts it needs, at most 500 characters each; numbers only when finite. */
    public static AlertEvent parse(byte[] payload) {
        Json.requireSize(payload, MAX_BYTES, "alert");
        JsonNode node = Json.tree(payload, "alert");
        String state = required(node, "state");
        if (!state.equals(RAISED) && !state.equals(CLEARED)) {
            throw new MalformedMessage("alert state must be RAISED or CLEARED");
        }
        return new AlertEvent(required(node, "alertId"), required(node, "ruleId"), state, required(node, "severity"),
                optional(node, "metric"), number(node, "value"), number(node, "threshold"),
                Json.instant(required(node, "ts"), "alert ts is not an RFC 3339 UTC time"),
                String.valueOf(optional(node, "message")));
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw new MalformedMessage("alert has no " + field);
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        String value = Json.text(node, field);
        return value != null && value.length() <= MAX_TEXT ? value : null;
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() && Double.isFinite(value.doubleValue()) ? value.doubleValue() : null;
    }
}
