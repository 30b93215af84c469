package io.fleetmesh.edge.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert raised or cleared on the truck; the same alertId links the two. Serialised as the payload of
 * {@code fleet.<dev>.events.alert} and of the driver display's {@code fleet.<dev>.driver.alert}.
 */
public record AlertEvent(String alertId, String ruleId, String state, String severity, String metric, double value,
                  double threshold, Instant ts, String message) {

    public static final String RAISED = "RAISED";
    public static final String CLEARED = "CLEARED";

    public static AlertEvent overflow(long lost, long total) {
        return new AlertEvent(UUID.randomUUID().toString(), "outbox-overflow", RAISED, "WARNING", "outbox.discarded",
                lost, 0, Instant.now(), "buffer limits discarded " + lost + " unsynced messages (" + total
                        + " since the agent started)");
    }
}
