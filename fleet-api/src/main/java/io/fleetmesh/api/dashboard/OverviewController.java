package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.alerts.OpenAlerts;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.telemetry.FleetQueries;
import io.fleetmesh.api.telemetry.IngestRate;
import io.fleetmesh.api.telemetry.Position;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The overview's figures and the fleet's latest positions over REST; the overview page renders the same. */
@RestController
class OverviewController {

    private final FleetQueries fleet;
    private final OpenAlerts alerts;
    private final IngestRate ingest;
    private final CurrentTenant tenant;

    OverviewController(FleetQueries fleet, OpenAlerts alerts, IngestRate ingest, CurrentTenant tenant) {
        this.fleet = fleet;
        this.alerts = alerts;
        this.ingest = ingest;
        this.tenant = tenant;
    }

    @GetMapping("/api/v1/overview")
    FleetOverview overview() {
        return overview(tenant.id());
    }

    @GetMapping("/api/v1/positions")
    List<Position> positions() {
        return fleet.positions(tenant.id());
    }

    FleetOverview overview(UUID tenantId) {
        return new FleetOverview(fleet.status(tenantId), alerts.activeBySeverity(tenantId), ingest.perSecond(tenantId));
    }
}
