package io.fleetmesh.api.trips;

import java.time.Instant;
import java.util.UUID;

/** What trip detection tells the rest of the platform, in the transaction that stored it. */
public final class TripEvents {

    private TripEvents() {
    }

    /** A vehicle left the place it stood at: a trip began at {@code startedAt} (its departure). */
    public record TripStarted(UUID tenantId, String deviceId, Instant startedAt, Double lat, Double lon) {
    }
}
