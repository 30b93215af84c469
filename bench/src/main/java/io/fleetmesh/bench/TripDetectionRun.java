package io.fleetmesh.bench;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Trip detection over stored readings, as fleet-api's follower does it: trucks with a reading every 5 s (parked ten
 * minutes, then twenty minutes at 36 km/h, again and again) are written straight into PostgreSQL with their
 * changes journal, and the time runs until every tracker has caught up with its last reading. Later runs ask each
 * tracker to detect again from the start (a recompute), which reads and writes the same.
 */
final class TripDetectionRun {

    static final String TENANT = "'00000000-0000-0000-0000-000000000001'::uuid";
    private static final int CYCLE = 360;
    private static final int PARKED = 120;

    private final JdbcTemplate jdbc;
    private final int trucks;
    private final int readingsEach;
    private java.sql.Timestamp end;

    TripDetectionRun(JdbcTemplate jdbc, int trucks, int readings) {
        this.jdbc = jdbc;
        this.trucks = trucks;
        this.readingsEach = readings / trucks;
    }

    int readings() {
        return trucks * readingsEach;
    }

    /** Readings ending a minute ago, 5 s apart: they fit the partitions of yesterday and today (up to 23 hours). */
    void seed() {
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) SELECT " + TENANT + ", 'detect-' || lpad(i::text, 4, '0'),"
                + " 'Truck ' || i, 'van' FROM generate_series(1, ?) i", trucks);
        jdbc.update("INSERT INTO telemetry (tenant_id, device_id, ts, channel, metrics, epoch, seq) SELECT " + TENANT
                + ", d.id, date_trunc('second', now()) - interval '1 minute' - (? - s) * interval '5 seconds', 'gps',"
                + " jsonb_build_object('lat', 52 + (s / ? * ? + greatest(s % ? - ?, 0)) * 50 / 111195.0, 'lon', 13.4,"
                + " 'speed', CASE WHEN s % ? >= ? THEN 36 ELSE 0 END, 'accuracy', 5), 1, s"
                + " FROM devices d, generate_series(1, ?) s WHERE d.tenant_id = " + TENANT + " AND d.id LIKE 'detect-%'",
                readingsEach, CYCLE, CYCLE - PARKED, CYCLE, PARKED, CYCLE, PARKED, readingsEach);
        jdbc.execute("ANALYZE telemetry");
        end = jdbc.queryForObject("SELECT max(ts) FROM telemetry WHERE device_id LIKE 'detect-%'", java.sql.Timestamp.class);
    }

    /** The first run: the journal says what is new, as ingest would. Seconds until every tracker caught up. */
    double detectNew() {
        long started = System.nanoTime();
        jdbc.update("INSERT INTO telemetry_changes (tenant_id, device_id, from_ts, to_ts, channels) SELECT tenant_id,"
                + " device_id, min(ts), max(ts), ARRAY['gps'] FROM telemetry WHERE device_id LIKE 'detect-%'"
                + " GROUP BY tenant_id, device_id");
        return caughtUp(started);
    }

    /** A recompute of every truck from its first reading. */
    double detectAgain() {
        long started = System.nanoTime();
        jdbc.update("UPDATE trip_trackers SET rewind_from = now() - interval '2 days' WHERE device_id LIKE 'detect-%'");
        return caughtUp(started);
    }

    long trips() {
        return jdbc.queryForObject("SELECT count(*) FROM trips WHERE device_id LIKE 'detect-%'", Long.class);
    }

    /** Trips each truck should have: one a cycle that has its twenty minutes of driving, the last closed by parking. */
    long expectedTrips() {
        return (long) trucks * ((readingsEach - PARKED) / CYCLE);
    }

    private double caughtUp(long started) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("trip detection did not catch up within 30 minutes");
            }
            sleepBriefly();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Every tracker is at the readings' end (the newest time is held back for channels in flight) with no rewind due. */
    private boolean done() {
        return jdbc.queryForObject("SELECT count(*) FROM trip_trackers k WHERE k.device_id LIKE 'detect-%'"
                + " AND k.rewind_from IS NULL AND NOT k.behind AND NOT EXISTS (SELECT 1 FROM telemetry_changes c"
                + " WHERE c.device_id = k.device_id) AND k.checkpoint >= ?::timestamptz - interval '5 seconds'",
                Long.class, end) == trucks;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(50); // polling the database for a condition, not waiting for a guess
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
