package io.fleetmesh.api.fuel;

import io.fleetmesh.api.identity.CurrentTenant;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A device's fuel: its settings (the tank and the reading that holds the level; a device without them is not
 * analysed), and its level, consumption, refuels and drains over a period (the last day unless said, at most 31
 * days): ask it for a trip's start and end to get the trip's consumption.
 */
@RestController
class FuelController {

    private final Fuel fuel;
    private final CurrentTenant tenant;

    FuelController(Fuel fuel, CurrentTenant tenant) {
        this.fuel = fuel;
        this.tenant = tenant;
    }

    @GetMapping("/api/v1/devices/{deviceId}/fuel-settings")
    FuelSettings settings(@PathVariable String deviceId) {
        return fuel.settings(tenant.id(), deviceId);
    }

    /** Setting them again reads the device's readings again from the first, with the new tank. */
    @PutMapping("/api/v1/devices/{deviceId}/fuel-settings")
    FuelSettings setSettings(@PathVariable String deviceId, @RequestBody FuelSettings settings) {
        return fuel.setSettings(tenant.id(), deviceId, settings);
    }

    @DeleteMapping("/api/v1/devices/{deviceId}/fuel-settings")
    ResponseEntity<Void> deleteSettings(@PathVariable String deviceId) {
        fuel.deleteSettings(tenant.id(), deviceId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/devices/{deviceId}/fuel")
    FuelUsage usage(@PathVariable String deviceId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return fuel.usage(tenant.id(), deviceId, from, to);
    }
}
