package io.fleetmesh.api.devices;

import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's devices page: the same search as {@code GET /api/v1/devices}, rendered by fleet-ui. */
@Controller
@Validated
class DevicePages {

    private static final int PAGE = 50;

    private final DeviceSearch search;
    private final CurrentTenant tenant;

    DevicePages(DeviceSearch search, CurrentTenant tenant) {
        this.search = search;
        this.tenant = tenant;
    }

    @GetMapping("/devices")
    String devices(@RequestParam(required = false) @Pattern(regexp = DeviceRules.KIND) String kind,
                   @RequestParam(required = false) @Pattern(regexp = DeviceRules.TAG) String tag,
                   @RequestParam(required = false) @Size(max = 200) String q,
                   @RequestParam(required = false) @Size(max = 1000) String cursor,
                   @RequestParam(defaultValue = "id") @Pattern(regexp = "id|name") String sort, Model model) {
        DeviceFilter filter = new DeviceFilter(blank(kind), blank(tag), blank(q), blank(cursor), sort.equals("name"));
        model.addAttribute("page", search.page(tenant.id(), filter, PAGE));
        model.addAttribute("q", q).addAttribute("kind", kind).addAttribute("tag", tag).addAttribute("sort", sort);
        model.addAttribute("caller", tenant.caller().name());
        return "devices";
    }

    /** An empty field of the search form is no filter. */
    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
