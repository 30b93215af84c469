package io.fleetmesh.api.fuel;

import java.time.Instant;
import java.util.UUID;

/** What the fuel feature tells the rest of the platform, in the transaction that stored it. */
public final class FuelEvents {

    private FuelEvents() {
    }

    /** Fuel left a parked vehicle's tank faster than it can be consumption: theft, or a leak. */
    public record FuelDrained(UUID tenantId, String deviceId, Instant startedAt, Instant endedAt, double litres) {
    }

    /** A parked vehicle was refuelled. */
    public record Refuelled(UUID tenantId, String deviceId, Instant startedAt, Instant endedAt, double litres) {
    }
}
