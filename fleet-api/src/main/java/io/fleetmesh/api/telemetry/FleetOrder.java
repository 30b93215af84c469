package io.fleetmesh.api.telemetry;

/**
 * The fleet list's orders, each a keyset over the columns it sorts by with the device id last, so that pages never
 * skip or repeat a device however the fleet changes between two requests. LAST_SEEN is newest first, never seen last.
 */
public enum FleetOrder {
    ID("d.id", "d.id > :k0"),
    NAME("d.name, d.id", "(d.name, d.id) > (:k0, :k1)"),
    LAST_SEEN(Seen.KEY + " DESC, d.id",
            "(" + Seen.KEY + " < CAST(:k0 AS timestamptz) OR (" + Seen.KEY + " = CAST(:k0 AS timestamptz) AND d.id > :k1))");

    final String orderBy;
    final String after;

    FleetOrder(String orderBy, String after) {
        this.orderBy = orderBy;
        this.after = after;
    }

    /** How many values a cursor of this order holds. */
    int keys() {
        return this == ID ? 1 : 2;
    }

    /** Last heard from as a sort key: never seen sorts after every time. */
    private static final class Seen {
        static final String KEY = "coalesce(greatest(s.status_at, s.last_seen), '-infinity'::timestamptz)";
    }
}
