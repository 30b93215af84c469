package io.fleetmesh.api.devices;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answered as a 409 problem detail. */
class DeviceAlreadyExistsException extends ErrorResponseException {

    DeviceAlreadyExistsException(String id, Throwable cause) {
        super(HttpStatus.CONFLICT, problem(id), cause);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A device with this id already exists.");
        problem.setTitle("Device already exists");
        problem.setProperty("deviceId", id);
        return problem;
    }
}
