package io.fleetmesh.api.telemetry;

/**
 * SQL that reads a number out of stored JSON, or null. Heartbeats and readings are checked for their time only, so
 * a field that is not a number, or out of range, must give null rather than fail the query for the whole tenant.
 */
final class JsonbNumbers {

    private JsonbNumbers() {
    }

    /** A heartbeat's (or any jsonb column's) count field as a bigint. */
    static String count(String column, String field) {
        return number("(" + column + " -> '" + field + "')", "BETWEEN 0 AND 9e18", "bigint");
    }

    /** A metric of the latest reading of a channel, as a float8 within the range. */
    static String metric(String channel, String metric, String range) {
        return number("(s.last_values #> '{" + channel + ",metrics," + metric + "}')", range, "float8");
    }

    /** A nested CASE: PostgreSQL guarantees the order of WHEN clauses, not of the terms of an AND. */
    static String number(String value, String range, String type) {
        return "CASE WHEN jsonb_typeof(" + value + ") = 'number' THEN CASE WHEN " + value + "::numeric " + range
                + " THEN " + value + "::numeric::" + type + " END END";
    }
}
