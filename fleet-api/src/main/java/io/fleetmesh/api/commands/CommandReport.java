package io.fleetmesh.api.commands;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A truck's report on {@code fleet.<dev>.events.command}: {@code {"id", "state", "at", "reason"?, "result"?}} with
 * state one of delivered, succeeded, failed, rejected, expired. {@link #parse} refuses anything else, with a reason.
 */
record CommandReport(UUID id, CommandState state, Instant at, String reason, String resultJson) {

    static final int MAX_BYTES = 16_384;
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Set<CommandState> REPORTABLE = Set.of(CommandState.DELIVERED, CommandState.SUCCEEDED,
            CommandState.FAILED, CommandState.REJECTED, CommandState.EXPIRED);

    static CommandReport parse(byte[] payload) {
        if (payload.length > MAX_BYTES) {
            throw new IllegalArgumentException("report of " + payload.length + " bytes exceeds " + MAX_BYTES);
        }
        try {
            JsonNode node = json.readTree(payload);
            JsonNode result = node.get("result");
            return new CommandReport(uuid(node), state(node), instant(node), text(node, "reason"),
                    result == null || result.isNull() ? null : json.writeValueAsString(result));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("report is not well-formed JSON");
        }
    }

    private static UUID uuid(JsonNode node) {
        try {
            return UUID.fromString(required(node, "id"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("report id is not a UUID");
        }
    }

    private static CommandState state(JsonNode node) {
        String name = required(node, "state").toUpperCase(Locale.ROOT);
        CommandState state;
        try {
            state = CommandState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown report state " + name);
        }
        if (!REPORTABLE.contains(state)) {
            throw new IllegalArgumentException("a truck cannot report " + name);
        }
        return state;
    }

    private static Instant instant(JsonNode node) {
        try {
            return Instant.parse(required(node, "at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("report at is not an RFC 3339 UTC time");
        }
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("report has no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
