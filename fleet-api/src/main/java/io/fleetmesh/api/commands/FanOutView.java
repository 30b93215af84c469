package io.fleetmesh.api.commands;

import java.util.Map;
import java.util.UUID;

/** A fan-out's progress: how many of its commands are in each state. */
public record FanOutView(UUID id, int commands, Map<CommandState, Long> states, boolean finished) {

    /** How many of its commands are over, whichever way. */
    public long over() {
        return states.entrySet().stream().filter(state -> state.getKey().terminal()).mapToLong(Map.Entry::getValue).sum();
    }
}
