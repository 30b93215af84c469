package io.fleetmesh.edge.commands;

import tools.jackson.databind.JsonNode;

/**
 * Runs commands of one type on the truck. The executor calls it at most once per command; it returns the result
 * (a JSON value, or null) or throws, and the command is FAILED with the exception's message.
 */
public interface CommandHandler {

    String type();

    JsonNode run(JsonNode params) throws Exception;

    /**
     * Called once the command's success is stored on the truck (its report in the outbox, its outcome in EXECUTED):
     * for what must come after that, such as restarting the agent. Nothing by default.
     */
    default void afterStored() {
    }
}
