package io.fleetmesh.api.mappings;

import java.util.List;

/** Which version of the mappings each truck's leaf applies (from its last heartbeat), against the current one. */
record MappingRolloutView(int version, List<DeviceMappings> devices) {

    record DeviceMappings(String deviceId, Long appliedVersion, boolean current) {
    }
}
