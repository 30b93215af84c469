package io.fleetmesh.api.devices;

import io.fleetmesh.api.refusals.NotFound;
import java.util.Map;

/** No device with this id for the caller's tenant. */
public class DeviceNotFoundException extends NotFound {

    public DeviceNotFoundException(String id) {
        super("Device not found", "There is no device with this id.", Map.of("deviceId", id));
    }
}
