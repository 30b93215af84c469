package io.fleetmesh.api.trips;

import static io.fleetmesh.api.reports.Column.of;

import io.fleetmesh.api.drivers.Drivers;
import io.fleetmesh.api.fuel.Fuel;
import io.fleetmesh.api.reports.Cell;
import io.fleetmesh.api.reports.Column;
import io.fleetmesh.api.reports.ReportKind;
import io.fleetmesh.api.reports.ReportQuery;
import io.fleetmesh.api.reports.ReportRows;
import io.fleetmesh.api.reports.ReportSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The trips report: each stored trip that started in the period, by device and start (odometers with the offset),
 * and the fuel it used where the device's fuel is analysed.
 */
@Component
class TripReport implements ReportSource {

    private static final String SQL = """
            SELECT t.device_id, t.started_at, t.ended_at, extract(epoch FROM t.ended_at - t.started_at) AS seconds,
                   t.start_lat, t.start_lon, t.end_lat, t.end_lon, t.distance_m, t.max_speed_kmh, t.engine_seconds,
                   t.odometer_start_m + coalesce(k.odometer_offset_m, 0) AS odometer_start,
                   t.odometer_end_m + coalesce(k.odometer_offset_m, 0) AS odometer_end, t.driver_id
            FROM trips t LEFT JOIN trip_trackers k ON k.tenant_id = t.tenant_id AND k.device_id = t.device_id
            WHERE t.tenant_id = :tenant AND t.started_at >= :from AND t.started_at < :to %s
            ORDER BY t.device_id, t.started_at LIMIT :limit""";

    private static final List<Column> COLUMNS = List.of(of("deviceId", "Device", Cell.TEXT),
            of("startedAt", "Start", Cell.TIME), of("endedAt", "End", Cell.TIME),
            of("durationSeconds", "Duration", Cell.DURATION), of("startLat", "Start lat", Cell.COORDINATE),
            of("startLon", "Start lon", Cell.COORDINATE), of("endLat", "End lat", Cell.COORDINATE),
            of("endLon", "End lon", Cell.COORDINATE), of("distanceMeters", "Distance", Cell.DISTANCE),
            of("maxSpeedKmh", "Max speed", Cell.SPEED), of("averageSpeedKmh", "Average speed", Cell.SPEED),
            of("engineSeconds", "Engine", Cell.DURATION), of("odometerStartMeters", "Odometer start", Cell.DISTANCE),
            of("odometerEndMeters", "Odometer end", Cell.DISTANCE), of("driverId", "Driver id", Cell.TEXT),
            of("driver", "Driver", Cell.TEXT), of("fuelUsedLitres", "Fuel used", Cell.LITRES));

    private final ReportRows rows;
    private final Drivers drivers;
    private final Fuel fuel;

    TripReport(ReportRows rows, Drivers drivers, Fuel fuel) {
        this.rows = rows;
        this.drivers = drivers;
        this.fuel = fuel;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.TRIPS;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Stream<Object[]> rows(ReportQuery query) {
        Map<String, String> names = drivers.names(query.tenant());
        Set<String> fuelled = fuel.analysed(query.tenant());
        return rows.sql(SQL.formatted(query.deviceFilter("t.device_id")), query)
                .query((rs, row) -> trip(rs, names, fuelUsed(query, fuelled, rs))).stream();
    }

    /** A trip's fuel, for a device whose fuel is analysed: one look-up a trip, only for those. */
    private Double fuelUsed(ReportQuery query, Set<String> fuelled, ResultSet rs) throws SQLException {
        String device = rs.getString("device_id");
        return fuelled.contains(device) ? fuel.between(query.tenant(), device, ReportRows.time(rs, "started_at"),
                ReportRows.time(rs, "ended_at")).consumedLitres() : null;
    }

    private static Object[] trip(ResultSet rs, Map<String, String> names, Double fuelUsed) throws SQLException {
        long seconds = Math.round(rs.getDouble("seconds"));
        double distance = rs.getDouble("distance_m");
        return new Object[] {rs.getString("device_id"), ReportRows.time(rs, "started_at"), ReportRows.time(rs, "ended_at"),
                seconds, ReportRows.number(rs, "start_lat"), ReportRows.number(rs, "start_lon"),
                ReportRows.number(rs, "end_lat"), ReportRows.number(rs, "end_lon"), distance,
                rs.getDouble("max_speed_kmh"), seconds == 0 ? 0.0 : distance / seconds * 3.6,
                Math.round(rs.getDouble("engine_seconds")), rs.getDouble("odometer_start"), rs.getDouble("odometer_end"),
                rs.getString("driver_id"), names.get(rs.getString("driver_id")), fuelUsed};
    }
}
