package io.fleetmesh.api.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Appends to the audit log, and reads it back; rows are never updated or deleted by the application. */
@Component
class AuditLog {

    private static final int PAGE = 100;

    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID tenantId, String actor, String action, String target, String detail) {
        jdbc.update("INSERT INTO audit_log (tenant_id, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                tenantId, actor, action, target, detail);
    }

    /** A page of the tenant's entries with ids below {@code before}, newest first. */
    List<AuditEntry> entries(UUID tenantId, long before) {
        return jdbc.query("""
                SELECT id, at, actor, action, target, detail FROM audit_log
                WHERE tenant_id = ? AND id < ? ORDER BY id DESC LIMIT ?""",
                (row, n) -> new AuditEntry(row.getLong("id"), row.getTimestamp("at").toInstant(), row.getString("actor"),
                        row.getString("action"), row.getString("target"), row.getString("detail")),
                tenantId, before, PAGE);
    }
}
