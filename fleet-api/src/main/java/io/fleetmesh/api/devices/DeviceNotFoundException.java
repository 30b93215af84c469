package io.fleetmesh.api.devices;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answered as a 404 problem detail. */
public class DeviceNotFoundException extends ErrorResponseException {

    public DeviceNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no device with this id.");
        problem.setTitle("Device not found");
        problem.setProperty("deviceId", id);
        return problem;
    }
}
