package io.fleetmesh.api.rules;

import java.util.List;

/** Which version of the rules each truck applied (from its last heartbeat), against the current one. */
record RolloutView(long version, List<DeviceRollout> devices) {

    record DeviceRollout(String deviceId, Long appliedVersion, boolean current) {
    }
}
