package io.fleetmesh.api.commands;

import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import io.nats.client.Message;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ?wait=}: asks the online truck's agent to run the command now ({@code fleet.<dev>.rpc.command}, NATS
 * request/reply) and records its answer; a truck that does not answer in time gets the command queued as usual.
 * The agent runs it through the same at-most-once executor, so a queued copy arriving later never runs again.
 */
@Component
class SynchronousCommands {

    private static final Logger log = LoggerFactory.getLogger(SynchronousCommands.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final MeshLinks links;
    private final CommandRepository commands;
    private final CommandReports reports;
    private final CommandChanges changes;
    private final CommandDispatcher dispatcher;

    SynchronousCommands(MeshLinks links, CommandRepository commands, CommandReports reports, CommandChanges changes,
                        CommandDispatcher dispatcher) {
        this.links = links;
        this.commands = commands;
        this.reports = reports;
        this.changes = changes;
        this.dispatcher = dispatcher;
    }

    /** The command after the attempt: finished if the truck answered within {@code wait}, else queued. */
    Command run(Command command, Duration wait) {
        Optional<CommandReport> answer = ask(command, wait);
        if (answer.isPresent()) {
            return reports.apply(new CommandReport(answer.get().id(), CommandState.DELIVERED, answer.get().at(),
                    "by request", null), answer.get());
        }
        changes.apply(command.id(), Command::release);
        dispatcher.send(command.id());
        return commands.findById(command.id()).orElseThrow();
    }

    private Optional<CommandReport> ask(Command command, Duration wait) {
        Optional<TenantLink> link = links.of(command.tenantId());
        if (link.isEmpty()) {
            return Optional.empty();
        }
        try {
            Message reply = link.get().connection().request(HubStreams.commandRpc(command.deviceId()),
                    json.writeValueAsBytes(command.message()), wait);
            return reply == null || reply.isStatusMessage() ? Optional.empty()
                    : Optional.of(CommandReport.parse(reply.getData())).filter(r -> r.id().equals(command.id()));
        } catch (Exception e) {
            log.info("command {} not answered by {} within {}: {}", command.id(), command.deviceId(), wait, e.toString());
            return Optional.empty();
        }
    }
}
