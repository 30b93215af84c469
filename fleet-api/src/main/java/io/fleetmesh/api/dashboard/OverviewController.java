package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.telemetry.FleetQueries;
import io.fleetmesh.api.telemetry.Position;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The overview's figures and the fleet's latest positions over REST; the overview page renders the same. */
@RestController
class OverviewController {

    private final FleetOverviews overviews;
    private final FleetQueries fleet;
    private final CurrentTenant tenant;

    OverviewController(FleetOverviews overviews, FleetQueries fleet, CurrentTenant tenant) {
        this.overviews = overviews;
        this.fleet = fleet;
        this.tenant = tenant;
    }

    @GetMapping("/api/v1/overview")
    FleetOverview overview() {
        return overviews.of(tenant.id());
    }

    @GetMapping("/api/v1/positions")
    List<Position> positions() {
        return fleet.positions(tenant.id());
    }
}
