package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.alerts.OpenAlertCount;
import io.fleetmesh.api.alerts.OpenAlerts;
import io.fleetmesh.api.telemetry.FleetFilter;
import io.fleetmesh.api.telemetry.FleetRow;
import io.fleetmesh.api.telemetry.FleetRowsPage;
import io.fleetmesh.api.telemetry.FleetTable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The fleet list and the map's markers: telemetry's view of each device (presence, fix, backlog) with the open
 * alerts of the same devices, one query each, so a page costs two index lookups however large the fleet.
 */
@Component
class FleetList {

    private final FleetTable table;
    private final OpenAlerts alerts;

    FleetList(FleetTable table, OpenAlerts alerts) {
        this.table = table;
        this.alerts = alerts;
    }

    FleetPage page(UUID tenant, FleetFilter filter, int limit) {
        FleetRowsPage rows = table.page(tenant, filter, limit);
        Map<String, OpenAlertCount> counts = alerts.countsOf(tenant, rows.items().stream().map(FleetRow::id).toList());
        return new FleetPage(withAlerts(rows.items(), counts), rows.nextCursor());
    }

    List<FleetDevice> located(UUID tenant) {
        return withAlerts(table.located(tenant), alerts.counts(tenant));
    }

    private static List<FleetDevice> withAlerts(List<FleetRow> rows, Map<String, OpenAlertCount> counts) {
        return rows.stream().map(row -> FleetDevice.of(row, counts.getOrDefault(row.id(), OpenAlertCount.NONE))).toList();
    }
}
