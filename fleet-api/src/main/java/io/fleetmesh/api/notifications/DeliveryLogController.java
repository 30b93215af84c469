package io.fleetmesh.api.notifications;

import io.fleetmesh.api.identity.CurrentTenant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notifications' delivery log: {@code state} PENDING, SENT or FAILED (all if absent), newest first. */
@RestController
class DeliveryLogController {

    private final DeliveryLog log;
    private final CurrentTenant tenant;

    DeliveryLogController(DeliveryLog log, CurrentTenant tenant) {
        this.log = log;
        this.tenant = tenant;
    }

    @GetMapping("/api/v1/notifications")
    List<DeliveryLogEntry> latest(@RequestParam(required = false) String state,
                                  @RequestParam(defaultValue = "100") int limit) {
        return log.latest(tenant.id(), state, limit);
    }
}
