package io.fleetmesh.api.audit;

import io.fleetmesh.api.identity.CurrentTenant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's audit log, newest first (ADMIN only); {@code before} pages back by id. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final JdbcTemplate jdbc;
    private final CurrentTenant tenant;

    AuditController(JdbcTemplate jdbc, CurrentTenant tenant) {
        this.jdbc = jdbc;
        this.tenant = tenant;
    }

    @GetMapping
    List<AuditEntry> list(@RequestParam(defaultValue = "9223372036854775807") long before) {
        return jdbc.query("""
                SELECT id, at, actor, action, target, detail FROM audit_log
                WHERE tenant_id = ? AND id < ? ORDER BY id DESC LIMIT 100""",
                (row, n) -> new AuditEntry(row.getLong("id"), row.getTimestamp("at").toInstant(), row.getString("actor"),
                        row.getString("action"), row.getString("target"), row.getString("detail")),
                tenant.id(), before);
    }
}
