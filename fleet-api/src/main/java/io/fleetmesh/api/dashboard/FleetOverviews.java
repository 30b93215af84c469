package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.alerts.OpenAlerts;
import io.fleetmesh.api.telemetry.FleetQueries;
import io.fleetmesh.api.telemetry.IngestRate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The overview's figures, composed from the features that own them: presence, active alerts, ingest rate. */
@Component
class FleetOverviews {

    private final FleetQueries fleet;
    private final OpenAlerts alerts;
    private final IngestRate ingest;

    FleetOverviews(FleetQueries fleet, OpenAlerts alerts, IngestRate ingest) {
        this.fleet = fleet;
        this.alerts = alerts;
        this.ingest = ingest;
    }

    FleetOverview of(UUID tenantId) {
        return new FleetOverview(fleet.status(tenantId), alerts.activeBySeverity(tenantId), ingest.perSecond(tenantId));
    }
}
