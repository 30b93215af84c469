package io.fleetmesh.protocol;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the truck says of a rollout's package, on {@link Subjects#otaEvents} (through the outbox, in order):
 * {@code {"rollout", "state", "at", "bytes"?, "reason"?}}; {@code bytes}: downloaded so far.
 */
public record OtaReport(String rollout, String state, Instant at, Long bytes, String reason) {

    public static final String DOWNLOADING = "downloading";
    public static final String VERIFIED = "verified";
    public static final String INSTALLING = "installing";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String ROLLED_BACK = "rolled_back";
    public static final int MAX_BYTES = 4_096;

    private static final Set<String> STATES = Set.of(DOWNLOADING, VERIFIED, INSTALLING, SUCCEEDED, FAILED, ROLLED_BACK);

    public byte[] toJson() {
        return Json.mapper.writeValueAsBytes(this);
    }

    /** The report as the cloud accepts it: a UUID rollout, one of the states (lower case), an RFC 3339 time. */
    public static OtaReport parse(byte[] payload) {
        Json.requireSize(payload, MAX_BYTES, "report");
        JsonNode node = Json.tree(payload, "report");
        JsonNode bytes = node.get("bytes");
        if (bytes != null && !bytes.isNull() && !(bytes.isIntegralNumber() && bytes.longValue() >= 0)) {
            throw new MalformedMessage("report bytes is not a count");
        }
        return new OtaReport(rollout(node), state(node), Json.instant(Json.required(node, "at"),
                "report at is not an RFC 3339 UTC time"), bytes == null || bytes.isNull() ? null : bytes.longValue(),
                Json.text(node, "reason"));
    }

    private static String rollout(JsonNode node) {
        try {
            return UUID.fromString(Json.required(node, "rollout")).toString();
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage("report rollout is not a UUID");
        }
    }

    private static String state(JsonNode node) {
        String state = Json.required(node, "state").toLowerCase(Locale.ROOT);
        if (!STATES.contains(state)) {
            throw new MalformedMessage("a truck cannot report " + state.toUpperCase(Locale.ROOT) + " of a package");
        }
        return state;
    }
}
