package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.telemetry.FleetFilter;
import io.fleetmesh.api.telemetry.FleetOrder;
import io.fleetmesh.api.telemetry.Presence;
import java.util.Locale;

/**
 * The fleet list's query parameters as the REST list and the devices page take them, already validated by their
 * patterns: {@code status} online, offline or never-seen; {@code sort} id, name or last-seen. Blank is no filter.
 */
record FleetRequest(String kind, String tag, String q, String status, String sort, String cursor) {

    static final String STATUS = "online|offline|never-seen";
    static final String SORT = "id|name|last-seen";

    FleetFilter filter() {
        return new FleetFilter(blank(kind), blank(tag), blank(q), presence(), order(), blank(cursor));
    }

    private Presence presence() {
        return blank(status) == null ? null : Presence.valueOf(constant(status));
    }

    private FleetOrder order() {
        return blank(sort) == null ? FleetOrder.ID : FleetOrder.valueOf(constant(sort));
    }

    private static String constant(String parameter) {
        return parameter.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
