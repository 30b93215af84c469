package io.fleetmesh.api.commands;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A command as the truck's agent reads it (DESIGN §2), on {@code fleet.<dev>.cmd.<type>}. */
record CommandMessage(UUID id, String type, JsonNode params, Instant expiresAt, List<String> preconditions) {
}
