package io.fleetmesh.api.trips;

import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A device's trips and stops over a period (the last day unless said, at most 31 days), its odometer and engine
 * hours, its thresholds and the fleet's, and a recompute after a threshold changed.
 */
@RestController
@Validated
class TripController {

    private final Trips trips;
    private final CurrentTenant tenant;

    TripController(Trips trips, CurrentTenant tenant) {
        this.trips = trips;
        this.tenant = tenant;
    }

    @GetMapping("/api/v1/devices/{deviceId}/trips")
    List<TripView> trips(@PathVariable String deviceId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return trips.trips(tenant.id(), deviceId, from, to);
    }

    @GetMapping("/api/v1/devices/{deviceId}/stops")
    List<StopView> stops(@PathVariable String deviceId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return trips.stops(tenant.id(), deviceId, from, to);
    }

    /** Trips and stops are detected again from the last stop before {@code from} (all of them without it). */
    @PostMapping("/api/v1/devices/{deviceId}/trips/recompute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> recompute(@PathVariable String deviceId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from) {
        trips.recompute(tenant.id(), deviceId, from);
        return from == null ? Map.of("deviceId", deviceId) : Map.of("deviceId", deviceId, "from", from);
    }

    @GetMapping("/api/v1/devices/{deviceId}/odometer")
    Odometer odometer(@PathVariable String deviceId) {
        return trips.odometer(tenant.id(), deviceId);
    }

    @PutMapping("/api/v1/devices/{deviceId}/odometer")
    Odometer setOdometer(@PathVariable String deviceId, @Valid @RequestBody OdometerSetting setting) {
        return trips.setOdometer(tenant.id(), deviceId, setting);
    }

    @GetMapping("/api/v1/devices/{deviceId}/trip-settings")
    TripSettings deviceSettings(@PathVariable String deviceId) {
        return trips.deviceSettings(tenant.id(), deviceId);
    }

    @PutMapping("/api/v1/devices/{deviceId}/trip-settings")
    TripSettings setDeviceSettings(@PathVariable String deviceId, @RequestBody TripSettings settings) {
        return trips.setDeviceSettings(tenant.id(), deviceId, settings);
    }

    /** The device goes back to its fleet's thresholds. */
    @DeleteMapping("/api/v1/devices/{deviceId}/trip-settings")
    TripSettings clearDeviceSettings(@PathVariable String deviceId) {
        return trips.setDeviceSettings(tenant.id(), deviceId, null);
    }

    @GetMapping("/api/v1/trip-settings")
    TripSettings fleetSettings() {
        return trips.fleetSettings(tenant.id());
    }

    @PutMapping("/api/v1/trip-settings")
    TripSettings setFleetSettings(@RequestBody TripSettings settings) {
        return trips.setFleetSettings(tenant.id(), settings);
    }
}
