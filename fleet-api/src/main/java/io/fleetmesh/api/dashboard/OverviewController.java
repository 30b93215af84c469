package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.identity.CurrentTenant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The overview's figures over REST; the overview page renders the same. */
@RestController
class OverviewController {

    private final FleetOverviews overviews;
    private final CurrentTenant tenant;

    OverviewController(FleetOverviews overviews, CurrentTenant tenant) {
        this.overviews = overviews;
        this.tenant = tenant;
    }

    @GetMapping("/api/v1/overview")
    FleetOverview overview() {
        return overviews.of(tenant.id());
    }
}
