package io.fleetmesh.api.reports;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * What a report covers: a tenant's devices (all of them if {@code devices} is null), a period, the zone its days are
 * counted in, and at most {@code limit} rows.
 */
public record ReportQuery(UUID tenant, List<String> devices, Period period, ZoneId zone, int limit) {

    public boolean wholeFleet() {
        return devices == null;
    }

    /** "AND {column} IN (:devices)" unless the whole fleet; bind {@link #devices()} as {@code devices}. */
    public String deviceFilter(String column) {
        return wholeFleet() ? "" : "AND " + column + " IN (:devices)";
    }
}
