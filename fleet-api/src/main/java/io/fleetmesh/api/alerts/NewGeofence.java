package io.fleetmesh.api.alerts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A geofence as a caller defines it; severity WARNING unless given. */
record NewGeofence(@NotNull @Size(min = 1, max = 100) String name, @NotNull @Valid GeofenceShape shape,
                   @NotNull GeofenceDefinition.AlertOn alertOn, Severity severity) {

    Severity severityOrDefault() {
        return severity == null ? Severity.WARNING : severity;
    }
}
