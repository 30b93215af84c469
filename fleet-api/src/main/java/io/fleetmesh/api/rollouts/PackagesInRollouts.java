package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.packages.PackageUses;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A package that a running or paused rollout sends stays until the rollout is over. */
@Component
class PackagesInRollouts implements PackageUses {

    private final RolloutLog log;

    PackagesInRollouts(RolloutLog log) {
        this.log = log;
    }

    @Override
    public String holds(UUID tenant, String name, String version) {
        return log.active(tenant, name, version) ? "A rollout that is not over sends this package: cancel it first." : null;
    }
}
