package io.fleetmesh.api.commands;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A validated request for one command: what, for how long, by whom, and under which idempotency key. */
record CommandRequest(String type, String paramsJson, List<String> preconditions, Duration ttl, String by,
                      String idempotencyKey, String hash, UUID fanoutId) {

    CommandRequest forFanOut(UUID fanout) {
        return new CommandRequest(type, paramsJson, preconditions, ttl, by, null, hash, fanout);
    }
}
