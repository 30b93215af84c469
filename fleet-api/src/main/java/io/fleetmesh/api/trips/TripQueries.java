package io.fleetmesh.api.trips;

import io.fleetmesh.api.reports.Period;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Closed trips and stops of a device over a period, as the API shows them (with the operator's odometer offset). */
@Component
class TripQueries {

    static final int LIMIT = 10_000;

    private final JdbcClient jdbc;

    TripQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TripView> trips(UUID tenant, String device, Period period) {
        return jdbc.sql("""
                        SELECT t.*, coalesce(k.odometer_offset_m, 0) AS offset_m FROM trips t
                        LEFT JOIN trip_trackers k ON k.tenant_id = t.tenant_id AND k.device_id = t.device_id
                        WHERE t.tenant_id = :tenant AND t.device_id = :device AND t.started_at < :to AND t.ended_at > :from
                        ORDER BY t.started_at LIMIT :limit""")
                .param("tenant", tenant).param("device", device).param("from", Timestamp.from(period.from()))
                .param("to", Timestamp.from(period.to())).param("limit", LIMIT)
                .query((rs, row) -> trip(rs)).list();
    }

    List<StopView> stops(UUID tenant, String device, Period period) {
        return jdbc.sql("""
                        SELECT * FROM stops
                        WHERE tenant_id = :tenant AND device_id = :device AND arrived_at < :to AND departed_at > :from
                        ORDER BY arrived_at LIMIT :limit""")
                .param("tenant", tenant).param("device", device).param("from", Timestamp.from(period.from()))
                .param("to", Timestamp.from(period.to())).param("limit", LIMIT)
                .query((rs, row) -> stop(rs)).list();
    }

    private static TripView trip(ResultSet rs) throws SQLException {
        Instant started = rs.getTimestamp("started_at").toInstant();
        Instant ended = rs.getTimestamp("ended_at").toInstant();
        long seconds = Duration.between(started, ended).toSeconds();
        double distance = rs.getDouble("distance_m");
        double offset = rs.getDouble("offset_m");
        return new TripView(rs.getString("device_id"), started, ended, number(rs, "start_lat"), number(rs, "start_lon"),
                number(rs, "end_lat"), number(rs, "end_lon"), distance, seconds, rs.getDouble("max_speed_kmh"),
                seconds == 0 ? 0 : distance / seconds * 3.6, rs.getDouble("engine_seconds"),
                rs.getDouble("odometer_start_m") + offset, rs.getDouble("odometer_end_m") + offset,
                rs.getString("driver_id"), false);
    }

    private static StopView stop(ResultSet rs) throws SQLException {
        Instant arrived = rs.getTimestamp("arrived_at").toInstant();
        Instant departed = rs.getTimestamp("departed_at").toInstant();
        return new StopView(rs.getString("device_id"), arrived, departed, number(rs, "lat"), number(rs, "lon"),
                Duration.between(arrived, departed).toSeconds(), rs.getDouble("engine_seconds"), false);
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
