package io.fleetmesh.api.devices;

import io.fleetmesh.api.refusals.InvalidInput;
import java.util.Map;

/** A page cursor that this API did not issue. */
class InvalidCursorException extends InvalidInput {

    InvalidCursorException() {
        super("Invalid cursor", "The cursor is not one this API issued; pass nextCursor from the previous page.", Map.of());
    }
}
