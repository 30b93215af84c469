package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.alerts.OpenAlerts;
import io.fleetmesh.api.catalogue.MetricCatalogue;
import io.fleetmesh.api.commands.CommandHistory;
import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.drivers.Drivers;
import io.fleetmesh.api.fuel.Fuel;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.maintenance.Maintenance;
import io.fleetmesh.api.telemetry.LatestValues;
import io.fleetmesh.api.telemetry.TelemetryQueries;
import io.fleetmesh.api.trips.StopView;
import io.fleetmesh.api.trips.Trips;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The pages that compose several features: the overview and a device's detail. Their live parts (charts, map,
 * new alerts and command steps) are drawn by the page's script from the REST API and {@code /api/v1/events}.
 */
@Controller
class DashboardPages {

    private static final int LATEST = 10;

    private final FleetOverviews overviews;
    private final DeviceDirectory directory;
    private final TelemetryQueries telemetry;
    private final OpenAlerts alerts;
    private final CommandHistory commands;
    private final MetricCatalogue catalogue;
    private final Trips trips;
    private final Places places;
    private final Maintenance maintenance;
    private final Drivers drivers;
    private final Fuel fuel;
    private final CurrentTenant tenant;

    DashboardPages(FleetOverviews overviews, DeviceDirectory directory, TelemetryQueries telemetry,
                   OpenAlerts alerts, CommandHistory commands, MetricCatalogue catalogue, Trips trips, Places places,
                   Maintenance maintenance, Drivers drivers, Fuel fuel, CurrentTenant tenant) {
        this.places = places;
        this.maintenance = maintenance;
        this.drivers = drivers;
        this.fuel = fuel;
        this.overviews = overviews;
        this.directory = directory;
        this.telemetry = telemetry;
        this.alerts = alerts;
        this.commands = commands;
        this.catalogue = catalogue;
        this.trips = trips;
        this.tenant = tenant;
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("overview", overviews.of(tenant.id()));
        return page(model, "overview");
    }

    /** The last day's trips and stops; the latest values are formatted in the reader's locale (Accept-Language) until the script takes over. */
    @GetMapping("/devices/{deviceId}")
    String device(@PathVariable String deviceId, Model model, Locale locale) {
        UUID tenantId = tenant.id();
        LatestValues latest = telemetry.latest(tenantId, deviceId);
        List<StopView> stops = trips.stops(tenantId, deviceId, null, null);
        model.addAttribute("device", directory.require(tenantId, deviceId))
                .addAttribute("sync", SyncState.of(telemetry.status(tenantId, deviceId)))
                .addAttribute("latest", LatestFields.of(latest, catalogue.of(tenantId), locale))
                .addAttribute("lastPlace", places.lastPosition(latest).orElse(null))
                .addAttribute("stopPlaces", stops.stream().map(places::of).toList())
                .addAttribute("alerts", alerts.openOf(tenantId, deviceId, LATEST))
                .addAttribute("commands", commands.latest(tenantId, deviceId, LATEST))
                .addAttribute("trips", trips.trips(tenantId, deviceId, null, null))
                .addAttribute("driverNames", drivers.names(tenantId))
                .addAttribute("stops", stops)
                .addAttribute("maintenance", maintenance.forDevice(tenantId, deviceId))
                .addAttribute("services", maintenance.services(tenantId, deviceId, LATEST))
                .addAttribute("fuelSettings", fuel.settingsOf(tenantId, deviceId).orElse(null))
                .addAttribute("fuel", fuel.usage(tenantId, deviceId, null, null));
        return page(model, "device");
    }

    private String page(Model model, String view) {
        model.addAttribute("caller", tenant.caller().name());
        return view;
    }
}
