package io.fleetmesh.api.telemetry;

import static io.fleetmesh.api.reports.Column.of;

import io.fleetmesh.api.reports.Cell;
import io.fleetmesh.api.reports.Column;
import io.fleetmesh.api.reports.ReportKind;
import io.fleetmesh.api.reports.ReportQuery;
import io.fleetmesh.api.reports.ReportRows;
import io.fleetmesh.api.reports.ReportSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The route report: every stored position (channel {@code gps}) in the period, by device and time. A fix whose lat or
 * lon is not a number in range is left out, as trips leave it out.
 */
@Component
class RouteReport implements ReportSource {

    private static final String SQL = """
            SELECT * FROM (
                SELECT device_id, ts, %s AS lat, %s AS lon, %s AS speed, %s AS accuracy FROM telemetry
                WHERE tenant_id = :tenant AND channel = 'gps' AND ts >= :from AND ts < :to %s) p
            WHERE lat IS NOT NULL AND lon IS NOT NULL
            ORDER BY device_id, ts LIMIT :limit""";

    private static final List<Column> COLUMNS = List.of(of("deviceId", "Device", Cell.TEXT), of("at", "Time", Cell.TIME),
            of("lat", "Lat", Cell.COORDINATE), of("lon", "Lon", Cell.COORDINATE), of("speedKmh", "Speed", Cell.SPEED),
            of("accuracyMeters", "Accuracy (m)", Cell.COUNT));

    private final ReportRows rows;

    RouteReport(ReportRows rows) {
        this.rows = rows;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.ROUTE;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Stream<Object[]> rows(ReportQuery query) {
        String sql = SQL.formatted(metric("lat", "BETWEEN -90 AND 90"), metric("lon", "BETWEEN -180 AND 180"),
                metric("speed", "BETWEEN 0 AND 2000"), metric("accuracy", "BETWEEN 0 AND 1e7"),
                query.deviceFilter("device_id"));
        return rows.sql(sql, query).query((rs, row) -> position(rs)).stream();
    }

    private static String metric(String name, String range) {
        return JsonbNumbers.number("(metrics -> '" + name + "')", range, "float8");
    }

    private static Object[] position(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString("device_id"), ReportRows.time(rs, "ts"), rs.getDouble("lat"), rs.getDouble("lon"),
                ReportRows.number(rs, "speed"), accuracy(ReportRows.number(rs, "accuracy"))};
    }

    private static Long accuracy(Double meters) {
        return meters == null ? null : Math.round(meters);
    }
}
