package io.fleetmesh.api.devices;

import io.fleetmesh.api.web.ProblemContributor;
import io.fleetmesh.api.web.ProblemDocs;
import io.fleetmesh.api.web.ProblemDocs.Documented;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The device refusals with titles and members of their own, in the OpenAPI document: every operation under a
 * device's path looks the device up first (DeviceController, DeviceDirectory.requireRegistered), so its 404 is the
 * device's; creating one whose id is taken is 409.
 */
@Component
class DeviceApiDocumentation implements ProblemContributor {

    private static final String DEVICES = "/api/v1/devices";
    private static final Map<String, Object> DEVICE_ID = Map.of("deviceId", ProblemDocs.SAMPLE_ID);

    @Override
    public Map<String, Documented> problems(String path, PathItem.HttpMethod method, Operation operation) {
        if (path.equals(DEVICES) && method == PathItem.HttpMethod.POST) {
            return Map.of("409", Documented.of("A device with this id exists in the tenant.", "deviceExists",
                    ProblemDocs.example("The id is taken", 409, DeviceAlreadyExistsException.TITLE,
                            DeviceAlreadyExistsException.DETAIL, DEVICES, DEVICE_ID)));
        }
        if (path.startsWith(DEVICES + "/{")) {
            return Map.of("404", Documented.of("There is no device with this id in the caller's tenant.", "deviceNotFound",
                    ProblemDocs.example("No such device", 404, DeviceNotFoundException.TITLE, DeviceNotFoundException.DETAIL,
                            ProblemDocs.instance(path, operation), DEVICE_ID)));
        }
        return Map.of();
    }
}
