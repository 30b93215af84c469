package io.fleetmesh.api.trips;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trips and stops detection closed (tables trips and stops). Keyed by device and start, so writing a segment
 * again (a retried round) replaces it instead of adding a second one.
 */
@Component
class TripLog {

    private static final String UPSERT_TRIP = """
            INSERT INTO trips (tenant_id, device_id, started_at, ended_at, start_lat, start_lon, end_lat, end_lon,
                               distance_m, max_speed_kmh, engine_seconds, odometer_start_m, odometer_end_m, driver_id)
            VALUES (:tenant, :device, :startedAt, :endedAt, :startLat, :startLon, :endLat, :endLon,
                    :distance, :maxSpeed, :engine, :odometerStart, :odometerEnd, :driver)
            ON CONFLICT (tenant_id, device_id, started_at) DO UPDATE SET ended_at = excluded.ended_at,
                end_lat = excluded.end_lat, end_lon = excluded.end_lon, distance_m = excluded.distance_m,
                max_speed_kmh = excluded.max_speed_kmh, engine_seconds = excluded.engine_seconds,
                odometer_start_m = excluded.odometer_start_m, odometer_end_m = excluded.odometer_end_m,
                driver_id = excluded.driver_id""";
    private static final String UPSERT_STOP = """
            INSERT INTO stops (tenant_id, device_id, arrived_at, departed_at, lat, lon, engine_seconds, resume)
            VALUES (:tenant, :device, :arrivedAt, :departedAt, :lat, :lon, :engine, CAST(:resume AS jsonb))
            ON CONFLICT (tenant_id, device_id, arrived_at) DO UPDATE SET departed_at = excluded.departed_at,
                lat = excluded.lat, lon = excluded.lon, engine_seconds = excluded.engine_seconds, resume = excluded.resume""";

    private final JdbcClient jdbc;

    TripLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(UUID tenant, String device, List<Segment> segments) {
        for (Segment segment : segments) {
            if (segment instanceof Segment.Trip trip) {
                trip(tenant, device, trip);
            } else {
                stop(tenant, device, (Segment.Stop) segment);
            }
        }
    }

    /**
     * Where detection can start again so that a reading at {@code changedAt} is taken into account: the latest stop
     * that had begun for good before it (its arrival and the halt that confirmed it both earlier).
     */
    Optional<DetectorState> resumeBefore(UUID tenant, String device, Instant changedAt, Duration minParking) {
        return jdbc.sql("""
                        SELECT arrived_at, resume::text FROM stops
                        WHERE tenant_id = :tenant AND device_id = :device AND arrived_at < :changed
                        ORDER BY arrived_at DESC LIMIT 20""")
                .param("tenant", tenant).param("device", device).param("changed", Timestamp.from(changedAt))
                .query((rs, row) -> rs.getTimestamp(1).toInstant().plus(minParking).isBefore(changedAt)
                        ? TripJson.state(rs.getString(2)) : null)
                .list().stream().filter(Objects::nonNull)
                .filter(state -> state.consumedUntil() != null && state.consumedUntil().isBefore(changedAt))
                .findFirst();
    }

    /** Forgets what was detected from a stop's arrival on (everything if null), before detecting it again. */
    void forgetFrom(UUID tenant, String device, Instant from) {
        Timestamp since = Timestamp.from(from == null ? Instant.EPOCH : from);
        jdbc.sql("DELETE FROM trips WHERE tenant_id = :tenant AND device_id = :device AND started_at >= :since")
                .param("tenant", tenant).param("device", device).param("since", since).update();
        jdbc.sql("DELETE FROM stops WHERE tenant_id = :tenant AND device_id = :device AND arrived_at >= :since")
                .param("tenant", tenant).param("device", device).param("since", since).update();
    }

    private void trip(UUID tenant, String device, Segment.Trip trip) {
        jdbc.sql(UPSERT_TRIP).param("tenant", tenant).param("device", device)
                .param("startedAt", Timestamp.from(trip.start().at())).param("endedAt", Timestamp.from(trip.end().at()))
                .param("startLat", trip.start().lat()).param("startLon", trip.start().lon())
                .param("endLat", trip.end().lat()).param("endLon", trip.end().lon())
                .param("distance", trip.distanceM()).param("maxSpeed", trip.maxSpeedKmh())
                .param("engine", trip.engineSeconds()).param("odometerStart", trip.odometerStartM())
                .param("odometerEnd", trip.odometerEndM()).param("driver", trip.driver())
                .update();
    }

    private void stop(UUID tenant, String device, Segment.Stop stop) {
        jdbc.sql(UPSERT_STOP).param("tenant", tenant).param("device", device)
                .param("arrivedAt", Timestamp.from(stop.arrival().at())).param("departedAt", Timestamp.from(stop.departure().at()))
                .param("lat", stop.arrival().lat()).param("lon", stop.arrival().lon())
                .param("engine", stop.engineSeconds()).param("resume", TripJson.write(stop.resume()))
                .update();
    }
}
