package io.fleetmesh.api.drivers;

import java.time.Instant;
import java.util.UUID;

/** What drivers tell other features: who badged in on which truck, known to the registry or not. */
public final class DriverEvents {

    private DriverEvents() {
    }

    /** An identifier the tenant has no driver for was badged in. */
    public record UnknownDriverBadged(UUID tenantId, String deviceId, String identifier, Instant at) {
    }

    /** A registered driver badged in. */
    public record DriverBadgedIn(UUID tenantId, String deviceId, String identifier, String name, Instant at) {
    }
}
