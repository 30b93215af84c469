package io.fleetmesh.edge.commands;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A command as the cloud sends it (DESIGN §2): {@code {"id", "type", "params", "expiresAt", "preconditions"}}. */
record AgentCommand(String id, String type, JsonNode params, Instant expiresAt, List<String> preconditions) {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** Refuses (IllegalArgumentException) what has no id, type or expiry: such a command is never run. */
    static AgentCommand parse(byte[] payload) {
        try {
            JsonNode node = json.readTree(payload);
            List<String> preconditions = new ArrayList<>();
            node.path("preconditions").forEach(p -> preconditions.add(p.asString()));
            return new AgentCommand(required(node, "id"), required(node, "type"), node.path("params"),
                    Instant.parse(required(node, "expiresAt")), preconditions);
        } catch (JacksonException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a command: " + e.getMessage());
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new IllegalArgumentException("command has no " + field);
        }
        return value.stringValue();
    }
}
