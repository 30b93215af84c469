package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.packages.PackageUses;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A package stays while a running or paused rollout sends it, and while a truck is still downloading or installing it. */
@Component
class PackagesInRollouts implements PackageUses {

    private final RolloutLog log;

    PackagesInRollouts(RolloutLog log) {
        this.log = log;
    }

    @Override
    public String holds(UUID tenant, String name, String version) {
        return log.inUse(tenant, name, version)
                ? "A rollout that is not over sends this package, or a truck is still taking it in." : null;
    }
}
