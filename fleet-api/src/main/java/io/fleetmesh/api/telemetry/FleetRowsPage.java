package io.fleetmesh.api.telemetry;

import java.util.List;

/** One page of the fleet list; {@code nextCursor} is null on the last page. */
public record FleetRowsPage(List<FleetRow> items, String nextCursor) {
}
