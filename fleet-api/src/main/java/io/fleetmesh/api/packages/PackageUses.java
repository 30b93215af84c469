package io.fleetmesh.api.packages;

import java.util.UUID;

/** A feature that uses packages (rollouts) and must be asked before one is deleted. */
public interface PackageUses {

    /** Why this package may not go now, or null if it may. */
    String holds(UUID tenant, String name, String version);
}
