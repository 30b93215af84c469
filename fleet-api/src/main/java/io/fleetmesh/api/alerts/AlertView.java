package io.fleetmesh.api.alerts;

import java.time.Instant;
import java.util.UUID;

/** An alert as the API shows it: what, where, how often, and who acknowledged or resolved it, when and why. */
public record AlertView(UUID id, String deviceId, String ruleId, AlertSource source, Severity severity, AlertState state,
                        String message, String metric, Double value, Double threshold, Instant firstRaisedAt,
                        Instant lastRaisedAt, int count, String edgeAlertId, boolean backfilled, Handling acknowledged,
                        Handling resolved) {

    /** Who did it, when, with which comment. */
    public record Handling(String by, Instant at, String comment) {
    }
}
