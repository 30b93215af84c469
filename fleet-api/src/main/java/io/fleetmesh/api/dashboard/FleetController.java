package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.devices.DeviceRules;
import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where everyone is, for dispatch systems: the fleet list and the map's markers, as the dashboard shows them. */
@RestController
@Validated
class FleetController {

    private final FleetList fleet;
    private final CurrentTenant tenant;

    FleetController(FleetList fleet, CurrentTenant tenant) {
        this.fleet = fleet;
        this.tenant = tenant;
    }

    @GetMapping("/api/v1/fleet")
    FleetPage list(@RequestParam(required = false) @Pattern(regexp = DeviceRules.KIND) String kind,
                   @RequestParam(required = false) @Pattern(regexp = DeviceRules.TAG) String tag,
                   @RequestParam(required = false) @Size(max = 200) String q,
                   @RequestParam(required = false) @Pattern(regexp = FleetRequest.STATUS) String status,
                   @RequestParam(defaultValue = "id") @Pattern(regexp = FleetRequest.SORT) String sort,
                   @RequestParam(required = false) @Size(max = 1000) String cursor,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return fleet.page(tenant.id(), new FleetRequest(kind, tag, q, status, sort, cursor).filter(), limit);
    }

    @GetMapping("/api/v1/positions")
    List<MapMarker> positions() {
        return fleet.located(tenant.id()).stream().map(MapMarker::of).toList();
    }
}
