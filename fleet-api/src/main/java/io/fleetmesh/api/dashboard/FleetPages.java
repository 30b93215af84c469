package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.devices.DeviceRules;
import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The devices page: the fleet list of {@code GET /api/v1/fleet}, rendered by fleet-ui and kept live by its script. */
@Controller
@Validated
class FleetPages {

    private static final int PAGE = 50;

    private final FleetList fleet;
    private final CurrentTenant tenant;

    FleetPages(FleetList fleet, CurrentTenant tenant) {
        this.fleet = fleet;
        this.tenant = tenant;
    }

    @GetMapping("/devices")
    String devices(@RequestParam(required = false) @Pattern(regexp = DeviceRules.KIND) String kind,
                   @RequestParam(required = false) @Pattern(regexp = DeviceRules.TAG) String tag,
                   @RequestParam(required = false) @Size(max = 200) String q,
                   @RequestParam(required = false) @Pattern(regexp = "|" + FleetRequest.STATUS) String status,
                   @RequestParam(defaultValue = "id") @Pattern(regexp = FleetRequest.SORT) String sort,
                   @RequestParam(required = false) @Size(max = 1000) String cursor, Model model) {
        FleetRequest request = new FleetRequest(kind, tag, q, status, sort, cursor);
        model.addAttribute("page", fleet.page(tenant.id(), request.filter(), PAGE)).addAttribute("query", request)
                .addAttribute("caller", tenant.caller().name());
        return "devices";
    }
}
