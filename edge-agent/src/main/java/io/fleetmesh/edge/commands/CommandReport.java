package io.fleetmesh.edge.commands;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What the truck says about a command, on {@code fleet.<dev>.events.command} (through the outbox) and as the answer
 * to a synchronous request: state delivered, succeeded, failed, rejected or expired.
 */
record CommandReport(String id, String state, Instant at, String reason, JsonNode result) {

    static final String DELIVERED = "delivered";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String REJECTED = "rejected";
    static final String EXPIRED = "expired";

    static CommandReport of(String id, String state, String reason) {
        return new CommandReport(id, state, Instant.now(), reason, null);
    }
}
