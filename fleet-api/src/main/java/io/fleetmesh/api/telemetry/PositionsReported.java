package io.fleetmesh.api.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** GPS readings ({@code gps} channel with numeric lat and lon) just stored, for geofences and maps. */
public record PositionsReported(UUID tenantId, List<Position> positions) {

    public record Position(String deviceId, Instant ts, double lat, double lon) {
    }
}
