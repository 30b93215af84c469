package io.fleetmesh.bench;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Operators with addresses, notification rules and a silent fleet, written straight into the benchmark's database. */
record NotificationSeed(JdbcTemplate jdbc) {

    private static final String TENANT = NotificationsBenchmark.TENANT;

    void device(String id) {
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES (?::uuid, ?, ?, 'reefer-truck')", TENANT, id, id);
    }

    /** An operator who never logs in (no usable password), with an address; the address. */
    String operator(String name) {
        String address = name + "@bench.example";
        jdbc.update("INSERT INTO operators (id, tenant_id, username, password_hash, role, email) VALUES (?, ?::uuid, ?,"
                + " 'none', 'OPERATOR', ?)", UUID.randomUUID(), TENANT, name, address);
        return address;
    }

    void rule(String name, String event, String device, int windowSeconds, List<String> addresses) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO notification_rules (id, tenant_id, name, events, min_severity, device_id, channel, zone,"
                + " rate_window, created_by) VALUES (?, ?::uuid, ?, ARRAY[?], 'INFO', ?, 'email', 'UTC',"
                + " make_interval(secs => ?), 'bench')", id, TENANT, name, event, device, windowSeconds);
        addresses.forEach(address -> jdbc.update("INSERT INTO notification_recipients (rule_id, operator_id)"
                + " SELECT ?, id FROM operators WHERE email = ?", id, address));
    }

    /** Trucks whose last heartbeat was an hour ago, all registered in one statement: the next check finds them all. */
    void silentFleet(int trucks) {
        jdbc.update("""
                WITH d AS (INSERT INTO devices (tenant_id, id, name, kind)
                    SELECT ?::uuid, 'storm-' || lpad(g::text, 6, '0'), 'Storm truck ' || g, 'reefer-truck'
                    FROM generate_series(1, ?) g RETURNING tenant_id, id)
                INSERT INTO device_state (tenant_id, device_id, status_at, last_seen)
                SELECT tenant_id, id, now() - interval '1 hour', now() - interval '1 hour' FROM d""", TENANT, trucks);
    }

    long sent(String rule) {
        return count(rule, "SENT");
    }

    long failed(String rule) {
        return count(rule, "FAILED");
    }

    /** How many notifications each message to this address carried, in the order they went. */
    List<Integer> messageSizes(String rule, String address) {
        return jdbc.queryForList("""
                SELECT count(*)::int FROM notifications n JOIN notification_rules r ON r.id = n.rule_id
                JOIN operators o ON o.id = n.operator_id
                WHERE r.name = ? AND o.email = ? AND n.state = 'SENT' GROUP BY n.message_id ORDER BY min(n.sent_at)""",
                Integer.class, rule, address);
    }

    private long count(String rule, String state) {
        return jdbc.queryForObject("SELECT count(*) FROM notifications n JOIN notification_rules r ON r.id = n.rule_id"
                + " WHERE r.name = ? AND n.state = ?", Long.class, rule, state);
    }
}
