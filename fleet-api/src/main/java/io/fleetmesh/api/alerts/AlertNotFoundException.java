package io.fleetmesh.api.alerts;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Answered as a 404 problem detail. */
class AlertNotFoundException extends ResponseStatusException {

    AlertNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "There is no alert with this id.");
    }
}
