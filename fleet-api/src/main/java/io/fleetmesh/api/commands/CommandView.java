package io.fleetmesh.api.commands;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A command as the API shows it, with every transition (state, time, source, detail). */
public record CommandView(UUID id, String deviceId, String type, JsonNode params, List<String> preconditions,
                          CommandState state, Instant createdAt, Instant expiresAt, Instant updatedAt,
                          String createdBy, JsonNode result, String reason, UUID fanoutId,
                          List<Transition> transitions) {

    public record Transition(CommandState state, Instant at, CommandSource source, String detail) {
    }
}
