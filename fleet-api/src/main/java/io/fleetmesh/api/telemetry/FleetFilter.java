package io.fleetmesh.api.telemetry;

/**
 * What the fleet list shows: devices of a kind, with a tag, whose name contains {@code q}, in a presence (each null
 * for any), in an order, after the cursor of the previous page (null for the first).
 */
public record FleetFilter(String kind, String tag, String q, Presence presence, FleetOrder order, String cursor) {

    /** The name search as a LIKE pattern, its wildcards escaped. */
    String namePattern() {
        return "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
