package io.fleetmesh.api.alerts;

import java.time.Instant;
import java.util.UUID;

record GeofenceView(UUID id, String name, GeofenceShape shape, GeofenceDefinition.AlertOn alertOn,
                           Severity severity, Instant createdAt) {
}
