package io.fleetmesh.api.devices;

import io.fleetmesh.api.refusals.Conflict;
import java.util.Map;

/** The id is taken in this tenant. */
class DeviceAlreadyExistsException extends Conflict {

    DeviceAlreadyExistsException(String id) {
        super("Device already exists", "A device with this id already exists.", Map.of("deviceId", id));
    }
}
