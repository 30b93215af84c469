package io.fleetmesh.api.trips;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.reports.TimeZones;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fleet's day so far (the overview's "today"), days counted in the caller's zone. */
@RestController
class FleetDayController {

    private final FleetDays days;
    private final CurrentTenant tenant;

    FleetDayController(FleetDays days, CurrentTenant tenant) {
        this.days = days;
        this.tenant = tenant;
    }

    @GetMapping("/api/v1/trips/today")
    FleetDay today(@RequestParam(defaultValue = "UTC") String zone) {
        return days.today(tenant.id(), TimeZones.named(zone));
    }
}
