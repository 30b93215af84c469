package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.alerts.OpenAlertCount;
import io.fleetmesh.api.alerts.Severity;
import io.fleetmesh.api.telemetry.FleetRow;
import io.fleetmesh.api.telemetry.Presence;
import java.time.Instant;
import java.util.List;

/**
 * A device as the fleet list shows it ({@code GET /api/v1/fleet} and the devices page): where it stands and since
 * when, when it was last heard from, its latest fix (speed km/h, heading degrees), open alerts with the worst
 * severity, its agent's sync backlog and its credentials state.
 */
record FleetDevice(String id, String name, String kind, List<String> tags, Presence presence, Instant since,
                   Instant lastSeen, FleetRow.Fix position, long openAlerts, Severity worstAlert, Long syncBacklog,
                   String credentialsState, Instant credentialsChangedAt) {

    static FleetDevice of(FleetRow row, OpenAlertCount alerts) {
        return new FleetDevice(row.id(), row.name(), row.kind(), row.tags(), row.presence(), row.since(), row.lastSeen(),
                row.position(), alerts.count(), alerts.worst(), row.syncBacklog(), row.credentialsState(),
                row.credentialsChangedAt());
    }

    /** How the map draws it: alerting above all, then offline, then moving or stopped. */
    String state() {
        if (openAlerts > 0) {
            return "alerting";
        }
        if (presence != Presence.ONLINE) {
            return "offline";
        }
        return position != null && position.speed() != null && position.speed() >= MOVING_KMH ? "moving" : "stopped";
    }

    /** Below this a GPS speed is jitter of a parked vehicle, not movement. */
    static final double MOVING_KMH = 3;
}
