package io.fleetmesh.api.devices;

import io.fleetmesh.api.refusals.NotFound;
import java.util.Map;

/** No device with this id for the caller's tenant. */
public class DeviceNotFoundException extends NotFound {

    // also the OpenAPI document's example (DeviceApiDocumentation)
    static final String TITLE = "Device not found";
    static final String DETAIL = "There is no device with this id.";

    public DeviceNotFoundException(String id) {
        super(TITLE, DETAIL, Map.of("deviceId", id));
    }
}
