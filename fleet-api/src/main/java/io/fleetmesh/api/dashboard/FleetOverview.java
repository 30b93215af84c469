package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.alerts.Severity;
import io.fleetmesh.api.telemetry.FleetStatus;
import java.util.Map;

/** The overview page's figures, also {@code GET /api/v1/overview}. */
record FleetOverview(FleetStatus devices, Map<Severity, Long> activeAlerts, double readingsPerSecond) {
}
