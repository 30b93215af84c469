package io.fleetmesh.api.trips;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Per device per day totals of the stored trips and stops, grouped by PostgreSQL in the caller's time zone. */
@Component
class TripSummaries {

    static final int LIMIT = 50_000;

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

    private final JdbcClient jdbc;

    TripSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Over the devices named, or the whole fleet if {@code devices} is null. */
    List<DaySummary> of(UUID tenant, List<String> devices, Period period, ZoneId zone) {
        if (devices != null && devices.isEmpty()) {
            return List.of();
        }
        JdbcClient.StatementSpec statement = jdbc.sql(SUMMARY.formatted(devices == null ? "" : "AND device_id IN (:devices)"))
                .param("tenant", tenant).param("zone", zone.getId()).param("from", Timestamp.from(period.from()))
                .param("to", Timestamp.from(period.to())).param("limit", LIMIT);
        return (devices == null ? statement : statement.param("devices", devices)).query((rs, row) -> day(rs)).list();
    }

    private static DaySummary day(ResultSet rs) throws SQLException {
        return new DaySummary(rs.getString("device_id"), rs.getObject("day", LocalDate.class),
                rs.getDouble("distance"), Math.round(rs.getDouble("driving")), rs.getDouble("engine") / 3600,
                rs.getDouble("max_speed"), rs.getInt("trips"), rs.getInt("stops"), number(rs, "odometer_start"),
                number(rs, "odometer_end"));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
