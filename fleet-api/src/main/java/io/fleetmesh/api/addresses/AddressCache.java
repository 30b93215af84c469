package io.fleetmesh.api.addresses;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The addresses table: what is known, what is still to ask (recent stops first, then last positions), the pace. */
@Component
class AddressCache {

    private static final String LAST = "(s.last_values #> '{gps,metrics,%1$s}')";
    private static final String UNNAMED = """
            SELECT p.lat_e4, p.lon_e4 FROM (
                SELECT 0 AS priority, round(lat * 1e4)::int AS lat_e4, round(lon * 1e4)::int AS lon_e4 FROM stops
                WHERE lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180 AND arrived_at > now() - interval '31 days'
                UNION ALL
                SELECT 1, round(%1$s::numeric * 1e4)::int, round(%2$s::numeric * 1e4)::int FROM device_state s
                WHERE CASE WHEN jsonb_typeof(%1$s) = 'number' AND jsonb_typeof(%2$s) = 'number'
                      THEN %1$s::numeric BETWEEN -90 AND 90 AND %2$s::numeric BETWEEN -180 AND 180 ELSE false END) p
            WHERE NOT EXISTS (SELECT 1 FROM addresses a WHERE a.lat_e4 = p.lat_e4 AND a.lon_e4 = p.lon_e4)
            GROUP BY p.lat_e4, p.lon_e4 ORDER BY min(p.priority) LIMIT :batch""".formatted(LAST.formatted("lat"),
            LAST.formatted("lon"));

    private final JdbcClient jdbc;

    AddressCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Optional<String>> known(Place place) {
        return jdbc.sql("SELECT address FROM addresses WHERE lat_e4 = :lat AND lon_e4 = :lon").param("lat", place.latE4())
                .param("lon", place.lonE4()).query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional();
    }

    List<Place> unnamed(int batch) {
        return jdbc.sql(UNNAMED).param("batch", batch).query((rs, row) -> new Place(rs.getInt(1), rs.getInt(2))).list();
    }

    /** A null address: the provider knows none there (asked once all the same). */
    void store(Place place, String address) {
        jdbc.sql("""
                INSERT INTO addresses (lat_e4, lon_e4, address) VALUES (:lat, :lon, :address)
                ON CONFLICT (lat_e4, lon_e4) DO UPDATE SET address = excluded.address, resolved_at = now()""")
                .param("lat", place.latE4()).param("lon", place.lonE4()).param("address", address).update();
    }

    /** This replica's turn to ask the provider, if no one asked within the interval. */
    boolean turn(Duration interval) {
        return jdbc.sql("UPDATE geocoding_pace SET last_at = now() WHERE last_at <= now() - make_interval(secs => :seconds)")
                .param("seconds", interval.toMillis() / 1000.0).update() == 1;
    }
}
