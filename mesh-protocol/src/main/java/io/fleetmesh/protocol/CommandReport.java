package io.fleetmesh.protocol;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the truck says about a command, on {@link Subjects#commandEvents} (through the outbox) and as the answer to a
 * synchronous request: {@code {"id", "state", "at", "reason"?, "result"?}}.
 */
public record CommandReport(String id, String state, Instant at, String reason, JsonNode result) {

    public static final String DELIVERED = "delivered";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String REJECTED = "rejected";
    public static final String EXPIRED = "expired";
    public static final int MAX_BYTES = 16_384;

    private static final Set<String> STATES = Set.of(DELIVERED, SUCCEEDED, FAILED, REJECTED, EXPIRED);

    public static CommandReport of(String id, String state, String reason) {
        return new CommandReport(id, state, Instant.now(), reason, null);
    }

    public byte[] toJson() {
        return Json.mapper.writeValueAsBytes(this);
    }

    /** The report as the cloud accepts it: a UUID id, one of the five states (lower case), an RFC 3339 time. */
    public static CommandReport parse(byte[] payload) {
        Json.requireSize(payload, MAX_BYTES, "report");
        JsonNode node = Json.tree(payload, "report");
        JsonNode result = node.get("result");
        return new CommandReport(uuid(node), state(node), Json.instant(Json.required(node, "at"),
                "report at is not an RFC 3339 UTC time"), Json.text(node, "reason"),
                result == null || result.isNull() ? null : result);
    }

    private static String uuid(JsonNode node) {
        String id = Json.required(node, "id");
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage("report id is not a UUID");
        }
    }

    private static String state(JsonNode node) {
        String state = Json.required(node, "state").toLowerCase(Locale.ROOT);
        if (!STATES.contains(state)) {
            throw new MalformedMessage("a truck cannot report " + state.toUpperCase(Locale.ROOT));
        }
        return state;
    }
}
