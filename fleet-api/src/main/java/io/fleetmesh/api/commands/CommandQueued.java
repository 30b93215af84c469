package io.fleetmesh.api.commands;

import java.util.UUID;

/**
 * A command was stored. {@code dispatchNow}: the dispatcher sends it once the transaction commits; otherwise (held
 * for a synchronous request, or one of a fan-out's many) the dispatcher's sweep does.
 */
record CommandQueued(UUID commandId, boolean dispatchNow) {
}
