package io.fleetmesh.api.devices;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A page cursor that this API did not issue: answered as a 400 problem detail. */
class InvalidCursorException extends ErrorResponseException {

    InvalidCursorException() {
        super(HttpStatus.BAD_REQUEST, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The cursor is not one this API issued; pass nextCursor from the previous page.");
        problem.setTitle("Invalid cursor");
        return problem;
    }
}
