package io.fleetmesh.api.commands;

import static io.fleetmesh.api.commands.CommandState.CANCELLED;
import static io.fleetmesh.api.commands.CommandState.DELIVERED;
import static io.fleetmesh.api.commands.CommandState.EXPIRED;
import static io.fleetmesh.api.commands.CommandState.QUEUED;
import static io.fleetmesh.api.commands.CommandState.SENT;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which transitions a command may take (ADR 0006). The cloud moves it to the hub, cancels it or expires it only
 * before the truck has it; the truck reports what it did. The cloud's EXPIRED and CANCELLED are presumptions about
 * a truck that has not answered: a truck that had the command in time and reports it is believed. Reports arrive
 * in the truck's order; one that would go backwards, or past a truck's own final word, is refused.
 */
final class CommandLifecycle {

    /** What becomes of a requested transition. */
    enum Outcome { APPLIED, UNCHANGED, REFUSED }

    private static final Set<CommandState> TRUCK_REPORTS = EnumSet.of(DELIVERED, CommandState.SUCCEEDED,
            CommandState.FAILED, CommandState.REJECTED, EXPIRED);

    private CommandLifecycle() {
    }

    static Outcome check(CommandState from, CommandSource decidedBy, CommandState to, CommandSource source) {
        if (from == to) {
            return Outcome.UNCHANGED;
        }
        boolean allowed = source == CommandSource.CLOUD ? cloudMay(from, to) : truckMay(from, decidedBy, to);
        return allowed ? Outcome.APPLIED : Outcome.REFUSED;
    }

    private static boolean cloudMay(CommandState from, CommandState to) {
        return switch (to) {
            case SENT -> from == QUEUED;
            case CANCELLED, EXPIRED -> from == QUEUED || from == SENT;
            default -> false;
        };
    }

    private static boolean truckMay(CommandState from, CommandSource decidedBy, CommandState to) {
        if (!TRUCK_REPORTS.contains(to)) {
            return false;
        }
        boolean presumed = (from == EXPIRED || from == CANCELLED) && decidedBy == CommandSource.CLOUD;
        return !from.terminal() || presumed;
    }
}
