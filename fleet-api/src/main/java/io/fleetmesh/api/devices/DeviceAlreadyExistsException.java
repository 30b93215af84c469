package io.fleetmesh.api.devices;

import io.fleetmesh.api.refusals.Conflict;
import java.util.Map;

/** The id is taken in this tenant. */
class DeviceAlreadyExistsException extends Conflict {

    // also the OpenAPI document's example (DeviceApiDocumentation)
    static final String TITLE = "Device already exists";
    static final String DETAIL = "A device with this id already exists.";

    DeviceAlreadyExistsException(String id) {
        super(TITLE, DETAIL, Map.of("deviceId", id));
    }
}
