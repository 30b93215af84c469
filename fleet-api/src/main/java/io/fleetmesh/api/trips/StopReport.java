package io.fleetmesh.api.trips;

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
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The stops report: each stored stop that began in the period, by device and arrival, with its address if known. */
@Component
class StopReport implements ReportSource {

    private static final String SQL = """
            SELECT s.device_id, s.arrived_at, s.departed_at, extract(epoch FROM s.departed_at - s.arrived_at) AS seconds,
                   s.lat, s.lon, s.engine_seconds, a.address
            FROM stops s LEFT JOIN addresses a ON a.lat_e4 = round(s.lat * 1e4)::int AND a.lon_e4 = round(s.lon * 1e4)::int
            WHERE s.tenant_id = :tenant AND s.arrived_at >= :from AND s.arrived_at < :to %s
            ORDER BY s.device_id, s.arrived_at LIMIT :limit""";

    private static final List<Column> COLUMNS = List.of(of("deviceId", "Device", Cell.TEXT),
            of("arrivedAt", "Arrival", Cell.TIME), of("departedAt", "Departure", Cell.TIME),
            of("durationSeconds", "Duration", Cell.DURATION), of("lat", "Lat", Cell.COORDINATE),
            of("lon", "Lon", Cell.COORDINATE), of("address", "Address", Cell.TEXT),
            of("engineSeconds", "Engine", Cell.DURATION));

    private final ReportRows rows;

    StopReport(ReportRows rows) {
        this.rows = rows;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.STOPS;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Stream<Object[]> rows(ReportQuery query) {
        return rows.sql(SQL.formatted(query.deviceFilter("s.device_id")), query).query((rs, row) -> stop(rs)).stream();
    }

    private static Object[] stop(ResultSet rs) throws SQLException {
        Double lat = ReportRows.number(rs, "lat");
        Double lon = ReportRows.number(rs, "lon");
        return new Object[] {rs.getString("device_id"), ReportRows.time(rs, "arrived_at"), ReportRows.time(rs, "departed_at"),
                Math.round(rs.getDouble("seconds")), lat, lon, address(rs.getString("address"), lat, lon),
                Math.round(rs.getDouble("engine_seconds"))};
    }

    /** Without a known address (no provider, not asked yet, none there), the coordinates. */
    private static String address(String address, Double lat, Double lon) {
        if (address != null || lat == null || lon == null) {
            return address;
        }
        return String.format(Locale.ROOT, "%.5f, %.5f", lat, lon);
    }
}
