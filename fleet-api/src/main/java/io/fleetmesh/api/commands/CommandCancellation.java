package io.fleetmesh.api.commands;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import io.fleetmesh.api.refusals.Conflict;
import org.springframework.stereotype.Component;

/**
 * Cancels a command the truck does not have yet, and takes it back from the hub's stream, so a truck that has not
 * fetched it never will. One that already had it may still run it and report so (ADR 0006).
 */
@Component
class CommandCancellation {

    private static final Logger log = LoggerFactory.getLogger(CommandCancellation.class);

    private final CommandChanges changes;
    private final MeshLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommandCancellation(CommandChanges changes, MeshLinks links, ApplicationEventPublisher events, Clock clock) {
        this.changes = changes;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    Command cancel(Command command, Caller caller) {
        boolean[] now = {false};
        Command cancelled = changes.apply(command.id(), stored -> {
            var outcome = stored.transition(CommandState.CANCELLED, clock.instant(), CommandSource.CLOUD,
                    "cancelled by " + caller.name());
            if (outcome == CommandLifecycle.Outcome.REFUSED) {
                throw new Conflict(
                        "A command that is " + stored.state() + " can no longer be cancelled.");
            }
            now[0] = outcome == CommandLifecycle.Outcome.APPLIED;
        }).orElseThrow();
        if (now[0]) {
            events.publishEvent(new CommandEvents.CommandCancelled(caller.tenantId(), command.id(), command.deviceId(),
                    caller.name()));
            takeBack(cancelled);
        }
        return cancelled;
    }

    private void takeBack(Command command) {
        if (command.hubSeq() == null) {
            return;
        }
        links.of(command.tenantId()).ifPresent(link -> {
            try {
                link.connection().jetStreamManagement().deleteMessage(HubStreams.COMMANDS, command.hubSeq());
            } catch (Exception e) {
                log.info("cancelled command {} stays on the hub (its truck will see it expire or cancelled): {}",
                        command.id(), e.toString());
            }
        });
    }
}
