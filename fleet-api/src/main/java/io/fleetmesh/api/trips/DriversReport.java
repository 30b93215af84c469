package io.fleetmesh.api.trips;

import static io.fleetmesh.api.reports.Column.of;

import io.fleetmesh.api.drivers.Drivers;
import io.fleetmesh.api.reports.Cell;
import io.fleetmesh.api.reports.Column;
import io.fleetmesh.api.reports.ReportKind;
import io.fleetmesh.api.reports.ReportQuery;
import io.fleetmesh.api.reports.ReportRows;
import io.fleetmesh.api.reports.ReportSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The drivers report: one driver's day a row, in the operator's zone (trips counted on the day they started), with
 * the trucks they drove; trips nobody badged in for are a row of their own, without a driver.
 */
@Component
class DriversReport implements ReportSource {

    private static final String SQL = """
            SELECT driver_id, (started_at AT TIME ZONE :zone)::date AS day, count(*) AS trips, sum(distance_m) AS distance,
                   sum(extract(epoch FROM ended_at - started_at)) AS driving, max(max_speed_kmh) AS max_speed,
                   string_agg(DISTINCT device_id, ', ' ORDER BY device_id) AS devices
            FROM trips WHERE tenant_id = :tenant AND started_at >= :from AND started_at < :to %s
            GROUP BY 1, 2 ORDER BY driver_id NULLS LAST, day LIMIT :limit""";

    private static final List<Column> COLUMNS = List.of(of("driver", "Driver", Cell.TEXT),
            of("driverId", "Driver id", Cell.TEXT), of("day", "Day", Cell.DAY), of("trips", "Trips", Cell.COUNT),
            of("distanceMeters", "Distance", Cell.DISTANCE), of("drivingSeconds", "Driving", Cell.DURATION),
            of("maxSpeedKmh", "Max speed", Cell.SPEED), of("devices", "Vehicles", Cell.TEXT));

    private final ReportRows rows;
    private final Drivers drivers;

    DriversReport(ReportRows rows, Drivers drivers) {
        this.rows = rows;
        this.drivers = drivers;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.DRIVERS;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Stream<Object[]> rows(ReportQuery query) {
        Map<String, String> names = drivers.names(query.tenant());
        return rows.sql(SQL.formatted(query.deviceFilter("device_id")), query).param("zone", query.zone().getId())
                .query((rs, row) -> day(rs, names)).stream();
    }

    private static Object[] day(ResultSet rs, Map<String, String> names) throws SQLException {
        String identifier = rs.getString("driver_id");
        return new Object[] {identifier == null ? "no driver" : names.getOrDefault(identifier, "unregistered"), identifier,
                rs.getObject("day", LocalDate.class), rs.getInt("trips"), rs.getDouble("distance"),
                Math.round(rs.getDouble("driving")), rs.getDouble("max_speed"), rs.getString("devices")};
    }
}
