package io.fleetmesh.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the messages' JSON: one mapper, and the field checks every message shape shares. */
final class Json {

    static final JsonMapper mapper = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode tree(byte[] payload, String what) {
        try {
            return mapper.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedMessage(what + " is not well-formed JSON");
        }
    }

    /** A string field, or null if it is absent or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** A string field that must be there: a report without it is malformed. */
    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new MalformedMessage("report has no " + field);
        }
        return value;
    }

    static Instant instant(String text, String reason) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw new MalformedMessage(reason);
        }
    }

    static void requireSize(byte[] payload, int max, String what) {
        if (payload.length > max) {
            throw new MalformedMessage(what + " of " + payload.length + " bytes exceeds " + max);
        }
    }
}
