package io.fleetmesh.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard benchmark's fleet, written by PostgreSQL itself: devices with their latest state and heartbeat
 * (most online, some offline, 1 % never seen, 1 % with an open alert), and readings of the last day; one truck ({@link #DETAILED}) reports every 5 s on three channels.
 */
final class PageSeed {

    static final String DETAILED = id(1);
    private static final String TENANT = "'00000000-0000-0000-0000-000000000001'::uuid";

    private PageSeed() {
    }

    /** The n-th device's id, as the seed writes it (six digits: up to 999,999 devices sort by number). */
    static String id(int n) {
        return "truck-%06d".formatted(n);
    }

    static void seed(JdbcTemplate jdbc, int devices, int readings) {
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind, tags) SELECT " + TENANT + ", 'truck-' || lpad(i::text, 6, '0'),"
                + " 'Truck ' || i, 'reefer-truck', ARRAY['region-' || (i % 10)] FROM generate_series(1, ?) i", devices);
        // nine in ten online (a heartbeat within the last 20 s), the rest silent for up to a day, one in a hundred
        // never seen; positions with speed and heading, as the fleet list and the map show them
        jdbc.update("INSERT INTO device_state (tenant_id, device_id, last_seen, last_values, status, status_at, online_since)"
                + " SELECT " + TENANT + ", id, seen, jsonb_build_object('gps', jsonb_build_object('ts', seen, 'metrics',"
                + " jsonb_build_object('lat', 52 + random(), 'lon', 13 + random(), 'speed', round((random() * 90)::numeric, 1),"
                + " 'heading', floor(random() * 360)))), jsonb_build_object('ts', seen, 'backlog', (random() * 100)::int,"
                + " 'configVersion', 1), seen, seen - interval '3 hours' FROM (SELECT id, CASE WHEN random() < 0.9"
                + " THEN now() - random() * interval '20 seconds' ELSE now() - random() * interval '1 day' END AS seen"
                + " FROM devices WHERE tenant_id = " + TENANT + " AND right(id, 2) <> '00') d");
        jdbc.update("INSERT INTO alerts (id, tenant_id, device_id, rule_id, source, severity, state, message,"
                + " first_raised_at, last_raised_at, count, backfilled) SELECT gen_random_uuid(), " + TENANT + ", id,"
                + " 'reefer-warm', 'EDGE', 'CRITICAL', 'ACTIVE', 'reefer.temp > -15', now(), now(), 1, false"
                + " FROM devices WHERE tenant_id = " + TENANT + " AND right(id, 2) = '07'");
        int detailed = detailedTruck(jdbc);
        jdbc.update("INSERT INTO telemetry (tenant_id, device_id, ts, channel, metrics, epoch, seq)"
                + " SELECT " + TENANT + ", 'truck-' || lpad((2 + i % (? - 1))::text, 6, '0'),"
                + " now() - random() * interval '23 hours', 'reefer', jsonb_build_object('temp', -18 + random(),"
                + " 'setpoint', -18), 1, i FROM generate_series(1, ?) i", devices, readings - detailed);
        jdbc.execute("ANALYZE");
    }

    /** A reading a channel every 5 s over the last 23 hours. */
    private static int detailedTruck(JdbcTemplate jdbc) {
        return jdbc.update("INSERT INTO telemetry (tenant_id, device_id, ts, channel, metrics, epoch, seq)"
                + " SELECT " + TENANT + ", '" + DETAILED + "', now() - s * interval '5 seconds', c.channel,"
                + " CASE c.channel WHEN 'gps' THEN jsonb_build_object('lat', 52 + s / 20000.0, 'lon', 13 + s / 20000.0)"
                + " WHEN 'engine' THEN jsonb_build_object('rpm', 1800 + s % 400, 'fuel', 80 - s / 1000.0)"
                + " ELSE jsonb_build_object('temp', -18 + (s % 10) / 10.0, 'setpoint', -18) END, 2, s * 3 + c.n"
                + " FROM generate_series(1, 16560) s, (VALUES ('reefer', 0), ('engine', 1), ('gps', 2)) AS c(channel, n)");
    }
}
