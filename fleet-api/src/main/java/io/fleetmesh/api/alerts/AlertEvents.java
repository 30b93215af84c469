package io.fleetmesh.api.alerts;

import java.time.Instant;
import java.util.UUID;

/** What happened to alerts: for live events and webhooks. */
public final class AlertEvents {

    private AlertEvents() {
    }

    /** Raised, raised again (count), acknowledged or resolved. */
    public record AlertChanged(UUID tenantId, UUID alertId, String deviceId, String ruleId, Severity severity,
                               AlertState state, int count, Instant lastRaisedAt, String message) {
    }
}
