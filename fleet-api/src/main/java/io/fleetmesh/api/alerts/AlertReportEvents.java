package io.fleetmesh.api.alerts;

import io.fleetmesh.api.reports.EventSource;
import io.fleetmesh.api.reports.ReportEvent;
import io.fleetmesh.api.reports.ReportQuery;
import io.fleetmesh.api.reports.ReportRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Alerts and geofence crossings for the events report, at the time each was first raised in the period. A repeated
 * alert is one line with its count, as the alerts page shows it.
 */
@Component
class AlertReportEvents implements EventSource {

    private static final String SQL = """
            SELECT device_id, first_raised_at, rule_id, severity, message, count, state FROM alerts
            WHERE tenant_id = :tenant AND first_raised_at >= :from AND first_raised_at < :to %s
            ORDER BY first_raised_at, device_id LIMIT :limit""";

    private final ReportRows rows;

    AlertReportEvents(ReportRows rows) {
        this.rows = rows;
    }

    @Override
    public Stream<ReportEvent> events(ReportQuery query) {
        return rows.sql(SQL.formatted(query.deviceFilter("device_id")), query).query((rs, row) -> event(rs)).stream();
    }

    private static ReportEvent event(ResultSet rs) throws SQLException {
        int count = rs.getInt("count");
        String detail = rs.getString("message") + (count > 1 ? " (" + count + " times)" : "") + ", "
                + rs.getString("state").toLowerCase();
        return new ReportEvent(ReportRows.time(rs, "first_raised_at"), rs.getString("device_id"),
                type(rs.getString("rule_id")), rs.getString("severity").toLowerCase(), detail);
    }

    private static String type(String rule) {
        if (rule.startsWith("geofence-enter:")) {
            return "geofence enter";
        }
        return rule.startsWith("geofence-exit:") ? "geofence exit" : "alert";
    }
}
