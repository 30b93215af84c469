package io.fleetmesh.api.audit;

import io.fleetmesh.api.identity.CurrentTenant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's audit log, newest first (ADMIN only); {@code before} pages back by id. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditLog log;
    private final CurrentTenant tenant;

    AuditController(AuditLog log, CurrentTenant tenant) {
        this.log = log;
        this.tenant = tenant;
    }

    @GetMapping
    List<AuditEntry> list(@RequestParam(defaultValue = "9223372036854775807") long before) {
        return log.entries(tenant.id(), before);
    }
}
