package io.fleetmesh.api.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * The tenant's devices by {@link Presence} and those whose agent reports readings not yet synced, most behind first.
 */
public record FleetStatus(long online, long offline, long neverSeen, List<Backlog> backlogs) {

    /** A truck's last reported sync backlog (readings waiting on its leaf) and the age of the oldest. */
    public record Backlog(String deviceId, long backlog, long oldestUnsyncedAgeSeconds, Instant reportedAt,
                          boolean online) {
    }
}
