package io.fleetmesh.api.commands;

/** Where a command is (DESIGN §3): QUEUED → SENT → DELIVERED → SUCCEEDED | FAILED | REJECTED | EXPIRED | CANCELLED. */
public enum CommandState {
    /** Stored; not yet on the hub. */
    QUEUED,
    /** On the hub's COMMANDS stream, waiting for the truck. */
    SENT,
    /** In the truck's inbox. */
    DELIVERED,
    SUCCEEDED,
    FAILED,
    /** The truck refused it: a precondition did not hold, or no handler knows the type. */
    REJECTED,
    /** Past its expiresAt before it ran. */
    EXPIRED,
    CANCELLED;

    boolean terminal() {
        return ordinal() >= SUCCEEDED.ordinal();
    }
}
