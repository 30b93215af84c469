package io.fleetmesh.api.commands;

import java.util.UUID;

/** A command was stored; after the commit the dispatcher sends it to the hub unless it is held for a request. */
record CommandQueued(UUID commandId, boolean held) {
}
