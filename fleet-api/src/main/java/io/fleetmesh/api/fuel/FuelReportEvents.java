package io.fleetmesh.api.fuel;

import io.fleetmesh.api.reports.EventSource;
import io.fleetmesh.api.reports.ReportEvent;
import io.fleetmesh.api.reports.ReportQuery;
import io.fleetmesh.api.reports.ReportRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Refuels and drains in the events report: a drain is a warning (theft, or a leak), a refuel is information. */
@Component
class FuelReportEvents implements EventSource {

    private static final String SQL = """
            SELECT device_id, started_at, kind, litres_before, litres_after FROM fuel_events
            WHERE tenant_id = :tenant AND started_at >= :from AND started_at < :to %s
            ORDER BY started_at, device_id LIMIT :limit""";

    private final ReportRows rows;

    FuelReportEvents(ReportRows rows) {
        this.rows = rows;
    }

    @Override
    public Stream<ReportEvent> events(ReportQuery query) {
        return rows.sql(SQL.formatted(query.deviceFilter("device_id")), query).query((rs, row) -> event(rs)).stream();
    }

    private static ReportEvent event(ResultSet rs) throws SQLException {
        boolean drain = rs.getString("kind").equals("drain");
        double before = rs.getDouble("litres_before");
        double after = rs.getDouble("litres_after");
        String detail = String.format(Locale.ROOT, "%+.0f l (%.0f to %.0f l)", after - before, before, after);
        return new ReportEvent(ReportRows.time(rs, "started_at"), rs.getString("device_id"),
                drain ? "fuel drain" : "refuel", drain ? "warning" : "info", detail);
    }
}
