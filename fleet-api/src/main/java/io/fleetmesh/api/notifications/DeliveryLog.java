package io.fleetmesh.api.notifications;

import io.fleetmesh.api.operators.OperatorDirectory;
import io.fleetmesh.api.refusals.InvalidInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenant's notifications, newest first: what went to whom, when, in which message, or why not. */
@Component
class DeliveryLog {

    private static final Set<String> STATES = Set.of("PENDING", "SENT", "FAILED");

    private final JdbcTemplate jdbc;
    private final OperatorDirectory operators;

    DeliveryLog(JdbcTemplate jdbc, OperatorDirectory operators) {
        this.jdbc = jdbc;
        this.operators = operators;
    }

    /** {@code state} null for all; at most {@code limit} (1 to 500). */
    List<DeliveryLogEntry> latest(UUID tenantId, String state, int limit) {
        if (state != null && !STATES.contains(state)) {
            throw new InvalidInput("Unknown state", "state may be PENDING, SENT or FAILED.", Map.of("state", state));
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidInput("Invalid limit", "limit must be 1 to 500.", Map.of("limit", limit));
        }
        Map<UUID, String> names = operators.usernames(tenantId);
        return jdbc.query("SELECT * FROM notifications WHERE tenant_id = ? AND (?::text IS NULL OR state = ?)"
                + " ORDER BY id DESC LIMIT ?", (rs, n) -> entry(rs, names), tenantId, state, state, limit);
    }

    private static DeliveryLogEntry entry(ResultSet rs, Map<UUID, String> names) throws SQLException {
        UUID operator = rs.getObject("operator_id", UUID.class);
        return new DeliveryLogEntry(rs.getLong("id"), rs.getObject("rule_id", UUID.class),
                names.getOrDefault(operator, operator.toString()), rs.getString("channel"), rs.getString("event"),
                rs.getString("device_id"), rs.getString("severity"), rs.getString("title"), instant(rs, "occurred_at"),
                rs.getString("state"), rs.getInt("attempts"), rs.getString("last_error"), rs.getString("message_id"),
                instant(rs, "created_at"), instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
