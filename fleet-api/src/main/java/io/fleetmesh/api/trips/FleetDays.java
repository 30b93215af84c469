package io.fleetmesh.api.trips;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The overview's "today": one aggregate over the tenant's trips and stops since midnight (the time indexes serve it). */
@Component
class FleetDays {

    private static final String TODAY = """
            SELECT (SELECT count(DISTINCT device_id) FROM trips WHERE tenant_id = :tenant AND started_at >= :from) AS vehicles,
                   t.*, (SELECT count(*) FROM stops WHERE tenant_id = :tenant AND arrived_at >= :from) AS stops
            FROM (SELECT count(*) AS trips, coalesce(sum(distance_m), 0) AS distance,
                         coalesce(sum(extract(epoch FROM ended_at - started_at)), 0) AS driving,
                         coalesce(sum(engine_seconds), 0) AS engine
                  FROM trips WHERE tenant_id = :tenant AND started_at >= :from) t""";

    private final JdbcClient jdbc;
    private final Clock clock;

    FleetDays(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    FleetDay today(UUID tenant, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
        Instant midnight = day.atStartOfDay(zone).toInstant();
        return jdbc.sql(TODAY).param("tenant", tenant).param("from", Timestamp.from(midnight))
                .query((rs, row) -> new FleetDay(day, zone.getId(), rs.getInt("vehicles"), rs.getInt("trips"),
                        rs.getDouble("distance"), Math.round(rs.getDouble("driving")), Math.round(rs.getDouble("engine")),
                        rs.getInt("stops"))).single();
    }
}
