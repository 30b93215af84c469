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
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The summary report: one device's day a row, in the operator's zone (PostgreSQL groups): trips counted on the day they
 * started, stops on the day they began, odometers (with what an operator set) at the first trip's start and the last
 * trip's end.
 */
@Component
class SummaryReport implements ReportSource {

    private static final String SUMMARY = """
            WITH t AS (
                SELECT device_id, (started_at AT TIME ZONE :zone)::date AS day, sum(distance_m) AS distance,
                       sum(extract(epoch FROM ended_at - started_at)) AS driving, sum(engine_seconds) AS engine,
                       max(max_speed_kmh) AS max_speed, count(*) AS trips, min(odometer_start_m) AS odometer_start,
                       max(odometer_end_m) AS odometer_end
                FROM trips WHERE tenant_id = :tenant AND started_at >= :from AND started_at < :to %1$s
                GROUP BY 1, 2),
            s AS (
                SELECT device_id, (arrived_at AT TIME ZONE :zone)::date AS day, count(*) AS stops
                FROM stops WHERE tenant_id = :tenant AND arrived_at >= :from AND arrived_at < :to %1$s
                GROUP BY 1, 2)
            SELECT j.*, j.first_odometer + coalesce(k.odometer_offset_m, 0) AS odometer_start,
                   j.last_odometer + coalesce(k.odometer_offset_m, 0) AS odometer_end
            FROM (SELECT device_id, day, coalesce(distance, 0) AS distance, coalesce(driving, 0) AS driving,
                         coalesce(engine, 0) AS engine, coalesce(max_speed, 0) AS max_speed, coalesce(trips, 0) AS trips,
                         coalesce(stops, 0) AS stops, odometer_start AS first_odometer, odometer_end AS last_odometer
                  FROM t FULL JOIN s USING (device_id, day)) j
            LEFT JOIN trip_trackers k ON k.tenant_id = :tenant AND k.device_id = j.device_id
            ORDER BY j.device_id, j.day LIMIT :limit""";

    private static final List<Column> COLUMNS = List.of(of("deviceId", "Device", Cell.TEXT), of("day", "Day", Cell.DAY),
            of("distanceMeters", "Distance", Cell.DISTANCE), of("drivingSeconds", "Driving", Cell.DURATION),
            of("engineHours", "Engine", Cell.HOURS), of("maxSpeedKmh", "Max speed", Cell.SPEED),
            of("trips", "Trips", Cell.COUNT), of("stops", "Stops", Cell.COUNT),
            of("odometerStartMeters", "Odometer start", Cell.DISTANCE),
            of("odometerEndMeters", "Odometer end", Cell.DISTANCE));

    private final ReportRows rows;

    SummaryReport(ReportRows rows) {
        this.rows = rows;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.SUMMARY;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Stream<Object[]> rows(ReportQuery query) {
        return rows.sql(SUMMARY.formatted(query.deviceFilter("device_id")), query).param("zone", query.zone().getId())
                .query((rs, row) -> day(rs)).stream();
    }

    private static Object[] day(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString("device_id"), rs.getObject("day", LocalDate.class), rs.getDouble("distance"),
                Math.round(rs.getDouble("driving")), rs.getDouble("engine") / 3600, rs.getDouble("max_speed"),
                rs.getInt("trips"), rs.getInt("stops"), ReportRows.number(rs, "odometer_start"),
                ReportRows.number(rs, "odometer_end")};
    }
}
