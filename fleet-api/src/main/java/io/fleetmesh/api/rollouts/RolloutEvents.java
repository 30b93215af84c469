package io.fleetmesh.api.rollouts;

import java.util.UUID;

/** What a rollout tells the rest of the platform (the delivery to trucks), in the transaction that decided it. */
public final class RolloutEvents {

    private RolloutEvents() {
    }

    /** The package is now the truck's to download and install, whenever it is connected. */
    public record TargetReleased(UUID tenantId, UUID rolloutId, String deviceId, String packageName, String packageVersion,
                                 String packageKind) {
    }

    /** The rollout aborted after the truck installed the package: it goes back to the version before. */
    public record RollbackAsked(UUID tenantId, UUID rolloutId, String deviceId, String packageName, String packageVersion) {
    }
}
