package io.fleetmesh.api.alerts;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.ProblemDocs;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Geofences (circles and polygons) whose enter and exit raise alerts. */
@RestController
@RequestMapping("/api/v1/geofences")
class GeofenceController {

    private final Geofences geofences;
    private final CurrentTenant tenant;

    GeofenceController(Geofences geofences, CurrentTenant tenant) {
        this.geofences = geofences;
        this.tenant = tenant;
    }

    @PostMapping
    ResponseEntity<GeofenceView> create(@Valid @RequestBody NewGeofence request) {
        GeofenceView created = geofences.create(tenant.id(), request);
        return ResponseEntity.created(URI.create("/api/v1/geofences/" + created.id())).body(created);
    }

    @GetMapping
    List<GeofenceView> list() {
        return geofences.list(tenant.id());
    }

    @GetMapping("/{id}")
    GeofenceView get(@PathVariable UUID id) {
        return geofences.get(tenant.id(), id);
    }

    @PutMapping("/{id}")
    @Refuses(status = 409, when = "Another request changed it at the same time.", detail = ProblemDocs.RELOAD_AND_RETRY)
    GeofenceView update(@PathVariable UUID id, @Valid @RequestBody NewGeofence request) {
        return geofences.update(tenant.id(), id, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        geofences.delete(tenant.id(), id);
        return ResponseEntity.noContent().build();
    }
}
