package io.fleetmesh.api.dashboard;

import java.util.List;

/** One page of the fleet list; {@code nextCursor} is null on the last page. */
record FleetPage(List<FleetDevice> items, String nextCursor) {
}
