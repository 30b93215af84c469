package io.fleetmesh.api.commands;

import io.fleetmesh.api.reports.EventSource;
import io.fleetmesh.api.reports.ReportEvent;
import io.fleetmesh.api.reports.ReportQuery;
import io.fleetmesh.api.reports.ReportRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Commands for the events report, at the time each was sent, with where it ended (or stands) and why. */
@Component
class CommandReportEvents implements EventSource {

    private static final String SQL = """
            SELECT device_id, created_at, type, state, reason, created_by FROM commands
            WHERE tenant_id = :tenant AND created_at >= :from AND created_at < :to %s
            ORDER BY created_at, device_id LIMIT :limit""";

    private final ReportRows rows;

    CommandReportEvents(ReportRows rows) {
        this.rows = rows;
    }

    @Override
    public Stream<ReportEvent> events(ReportQuery query) {
        return rows.sql(SQL.formatted(query.deviceFilter("device_id")), query).query((rs, row) -> event(rs)).stream();
    }

    private static ReportEvent event(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        String detail = rs.getString("type") + " by " + rs.getString("created_by") + ": "
                + rs.getString("state").toLowerCase() + (reason == null ? "" : " (" + reason + ")");
        return new ReportEvent(ReportRows.time(rs, "created_at"), rs.getString("device_id"), "command", "", detail);
    }
}
