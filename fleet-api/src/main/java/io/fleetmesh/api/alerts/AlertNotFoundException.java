package io.fleetmesh.api.alerts;

import io.fleetmesh.api.refusals.NotFound;

/** No alert with this id for the caller's tenant. */
class AlertNotFoundException extends NotFound {

    AlertNotFoundException() {
        super("There is no alert with this id.");
    }
}
