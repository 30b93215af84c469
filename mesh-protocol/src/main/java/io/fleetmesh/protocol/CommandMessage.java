package io.fleetmesh.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A command as the cloud sends it on {@link Subjects#command}: {@code {"id", "type", "params", "expiresAt",
 * "preconditions"}}. The id is the command's UUID; a truck runs a command at most once per id.
 */
public record CommandMessage(String id, String type, JsonNode params, Instant expiresAt, List<String> preconditions) {

    /** A precondition: {@code <channel>.<metric> <op> <number>}, e.g. {@code gps.speed <= 0}. */
    public static final String PRECONDITION =
            "[a-z0-9_-]{1,64}\\.[a-z0-9_-]{1,64} (<|<=|>|>=|==|!=) -?[0-9]{1,12}(\\.[0-9]{1,6})?";

    public byte[] toJson() {
        return Json.mapper.writeValueAsBytes(this);
    }

    /** Refuses what has no id, type or expiry: such a command is never run. */
    public static CommandMessage parse(byte[] payload) {
        JsonNode node = Json.tree(payload, "command");
        List<String> preconditions = new ArrayList<>();
        node.path("preconditions").forEach(precondition -> preconditions.add(precondition.asString()));
        return new CommandMessage(required(node, "id"), required(node, "type"), node.path("params"),
                Json.instant(required(node, "expiresAt"), "command expiresAt is not an RFC 3339 UTC time"),
                preconditions);
    }

    private static String required(JsonNode node, String field) {
        String value = Json.text(node, field);
        if (value == null || value.isBlank()) {
            throw new MalformedMessage("command has no " + field);
        }
        return value;
    }
}
