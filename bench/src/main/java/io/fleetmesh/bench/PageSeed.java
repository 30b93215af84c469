package io.fleetmesh.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard benchmark's fleet, written by PostgreSQL itself: devices with their latest state and heartbeat,
 * and readings of the last day; one truck ({@link #DETAILED}) reports every 5 s on three channels.
 */
final class PageSeed {

    static final String DETAILED = "truck-00001";
    private static final String TENANT = "'00000000-0000-0000-0000-000000000001'::uuid";

    private PageSeed() {
    }

    static void seed(JdbcTemplate jdbc, int devices, int readings) {
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind, tags) SELECT " + TENANT + ", 'truck-' || lpad(i::text, 5, '0'),"
                + " 'Truck ' || i, 'reefer-truck', ARRAY['region-' || (i % 10)] FROM generate_series(1, ?) i", devices);
        jdbc.update("INSERT INTO device_state (tenant_id, device_id, last_seen, last_values, status, status_at)"
                + " SELECT " + TENANT + ", id, now(), jsonb_build_object('gps', jsonb_build_object('ts', now(), 'metrics',"
                + " jsonb_build_object('lat', 52 + random(), 'lon', 13 + random()))), jsonb_build_object('ts', now(),"
                + " 'backlog', (random() * 100)::int, 'configVersion', 1), now() - (random() * interval '60 seconds')"
                + " FROM devices WHERE tenant_id = " + TENANT);
        int detailed = detailedTruck(jdbc);
        jdbc.update("INSERT INTO telemetry (tenant_id, device_id, ts, channel, metrics, epoch, seq)"
                + " SELECT " + TENANT + ", 'truck-' || lpad((2 + i % (? - 1))::text, 5, '0'),"
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
