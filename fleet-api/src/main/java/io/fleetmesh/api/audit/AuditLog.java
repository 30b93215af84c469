package io.fleetmesh.api.audit;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Appends to the audit log; rows are never updated or deleted by the application. */
@Component
class AuditLog {

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID tenantId, String actor, String action, String target, String detail) {
        jdbc.update("INSERT INTO audit_log (tenant_id, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                tenantId, actor, action, target, detail);
    }
}
