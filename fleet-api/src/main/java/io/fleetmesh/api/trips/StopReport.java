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
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The stops report: each stored stop that began in the period, by device and arrival. */
@Component
class StopReport implements ReportSource {

    private static final String SQL = """
            SELECT device_id, arrived_at, departed_at, extract(epoch FROM departed_at - arrived_at) AS seconds, lat, lon,
                   engine_seconds
            FROM stops WHERE tenant_id = :tenant AND arrived_at >= :from AND arrived_at < :to %s
            ORDER BY device_id, arrived_at LIMIT :limit""";

    private static final List<Column> COLUMNS = List.of(of("deviceId", "Device", Cell.TEXT),
            of("arrivedAt", "Arrival", Cell.TIME), of("departedAt", "Departure", Cell.TIME),
            of("durationSeconds", "Duration", Cell.DURATION), of("lat", "Lat", Cell.COORDINATE),
            of("lon", "Lon", Cell.COORDINATE), of("engineSeconds", "Engine", Cell.DURATION));

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
        return rows.sql(SQL.formatted(query.deviceFilter("device_id")), query).query((rs, row) -> stop(rs)).stream();
    }

    private static Object[] stop(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString("device_id"), ReportRows.time(rs, "arrived_at"), ReportRows.time(rs, "departed_at"),
                Math.round(rs.getDouble("seconds")), ReportRows.number(rs, "lat"), ReportRows.number(rs, "lon"),
                Math.round(rs.getDouble("engine_seconds"))};
    }
}
