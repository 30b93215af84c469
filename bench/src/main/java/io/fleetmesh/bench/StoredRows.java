package io.fleetmesh.bench;

import java.sql.Timestamp;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the telemetry rows stamped in [from, to) say: how many, how many distinct message numbers ({@code n}), and
 * the latency from the reading's timestamp to its row ({@code received_at} is the inserting transaction's start, so
 * both pipelines are measured up to the same point, a little before commit).
 */
record StoredRows(long rows, long distinct, double p50, double p99, double max) {

    static StoredRows between(JdbcTemplate jdbc, long fromMillis, long toMillis) {
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT count(*) AS rows, count(DISTINCT metrics->>'n') AS distinct_n,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - ts) * 1000) AS p50,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - ts) * 1000) AS p99,
                       max(extract(epoch FROM received_at - ts) * 1000) AS max
                FROM telemetry WHERE ts >= ? AND ts < ?""", new Timestamp(fromMillis), new Timestamp(toMillis));
        return new StoredRows(number(row, "rows"), number(row, "distinct_n"), decimal(row, "p50"), decimal(row, "p99"),
                decimal(row, "max"));
    }

    long lost(long sent) {
        return sent - distinct;
    }

    long duplicated() {
        return rows - distinct;
    }

    String latency() {
        return "p50 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(p50, p99, max);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static double decimal(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
