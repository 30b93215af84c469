package io.fleetmesh.api.alerts;

import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Geofences (circles and polygons) whose enter and exit raise alerts. */
@RestController
@RequestMapping("/api/v1/geofences")
class GeofenceController {

    private final GeofenceRepository geofences;
    private final GeofenceWatch watch;
    private final CurrentTenant tenant;
    private final Clock clock;

    GeofenceController(GeofenceRepository geofences, GeofenceWatch watch, CurrentTenant tenant, Clock clock) {
        this.geofences = geofences;
        this.watch = watch;
        this.tenant = tenant;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<GeofenceView> create(@Valid @RequestBody NewGeofence request) {
        GeofenceDefinition created = geofences.saveAndFlush(new GeofenceDefinition(tenant.id(), request, clock.instant()));
        watch.forget(tenant.id());
        return ResponseEntity.created(URI.create("/api/v1/geofences/" + created.id())).body(created.view());
    }

    @GetMapping
    List<GeofenceView> list() {
        return geofences.findByTenantIdOrderByName(tenant.id()).stream().map(GeofenceDefinition::view).toList();
    }

    @GetMapping("/{id}")
    GeofenceView get(@PathVariable UUID id) {
        return find(id).view();
    }

    @PutMapping("/{id}")
    @Transactional
    GeofenceView update(@PathVariable UUID id, @Valid @RequestBody NewGeofence request) {
        GeofenceDefinition geofence = find(id);
        geofence.apply(request);
        watch.forget(tenant.id());
        return geofences.saveAndFlush(geofence).view();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        geofences.delete(find(id));
        watch.forget(tenant.id());
        return ResponseEntity.noContent().build();
    }

    private GeofenceDefinition find(UUID id) {
        return geofences.findByIdAndTenantId(id, tenant.id()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "There is no geofence with this id."));
    }
}
