package io.fleetmesh.api.alerts;

import io.fleetmesh.api.refusals.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's geofences; every change makes the watch read them afresh. */
@Component
class Geofences {

    private final GeofenceRepository geofences;
    private final GeofenceWatch watch;
    private final Clock clock;

    Geofences(GeofenceRepository geofences, GeofenceWatch watch, Clock clock) {
        this.geofences = geofences;
        this.watch = watch;
        this.clock = clock;
    }

    GeofenceView create(UUID tenantId, NewGeofence request) {
        GeofenceDefinition created = geofences.saveAndFlush(new GeofenceDefinition(tenantId, request, clock.instant()));
        watch.forget(tenantId);
        return created.view();
    }

    List<GeofenceView> list(UUID tenantId) {
        return geofences.findByTenantIdOrderByName(tenantId).stream().map(GeofenceDefinition::view).toList();
    }

    GeofenceView get(UUID tenantId, UUID id) {
        return find(tenantId, id).view();
    }

    @Transactional
    GeofenceView update(UUID tenantId, UUID id, NewGeofence request) {
        GeofenceDefinition geofence = find(tenantId, id);
        geofence.apply(request);
        watch.forget(tenantId);
        return geofences.saveAndFlush(geofence).view();
    }

    void delete(UUID tenantId, UUID id) {
        geofences.delete(find(tenantId, id));
        watch.forget(tenantId);
    }

    private GeofenceDefinition find(UUID tenantId, UUID id) {
        return geofences.findByIdAndTenantId(id, tenantId)
                .orElseThrow(() -> new NotFound("There is no geofence with this id."));
    }
}
