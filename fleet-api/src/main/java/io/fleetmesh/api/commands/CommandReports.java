package io.fleetmesh.api.commands;

import io.fleetmesh.api.mesh.EventSubscriptions;
import io.fleetmesh.api.telemetry.Quarantine;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Message;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trucks' reports ({@code fleet.<dev>.events.command}) applied to their commands' lifecycle. A truck reports only on
 * its own commands; a report that is malformed, names another device's command or none is quarantined. A report the
 * lifecycle refuses (it would go backwards) changes nothing.
 */
@Component
class CommandReports {

    private static final Logger log = LoggerFactory.getLogger(CommandReports.class);

    private final CommandRepository commands;
    private final CommandChanges changes;
    private final Quarantine quarantine;

    CommandReports(EventSubscriptions subscriptions, CommandRepository commands, CommandChanges changes,
                   Quarantine quarantine) {
        this.commands = commands;
        this.changes = changes;
        this.quarantine = quarantine;
        subscriptions.register("command-reports", Subjects.ALL_COMMAND_EVENTS, this::onReport);
    }

    private void onReport(UUID tenant, Message message) {
        String device = Subjects.deviceOf(message.getSubject());
        CommandReport report;
        try {
            report = CommandReport.parse(message.getData());
        } catch (IllegalArgumentException refused) {
            quarantine.refused(tenant, message, refused.getMessage());
            return;
        }
        boolean own = commands.findByIdAndTenantId(report.id(), tenant).filter(c -> c.deviceId().equals(device)).isPresent();
        if (!own) {
            quarantine.refused(tenant, message, "device " + device + " has no command " + report.id());
            return;
        }
        apply(report);
    }

    /** Reports on one command, in their order, in one transaction (a synchronous answer brings two). */
    Command apply(CommandReport... reports) {
        return changes.apply(reports[0].id(), command -> {
            for (CommandReport report : reports) {
                apply(command, report);
            }
        }).orElseThrow();
    }

    private static void apply(Command command, CommandReport report) {
        CommandLifecycle.Outcome outcome = command.transition(report.state(), report.at(), CommandSource.TRUCK,
                report.reason());
        if (outcome == CommandLifecycle.Outcome.APPLIED && report.state().terminal()) {
            command.answered(report.resultJson(), report.reason());
        } else if (outcome == CommandLifecycle.Outcome.REFUSED) {
            log.info("report {} on command {} refused in state {}", report.state(), report.id(), command.state());
        }
    }
}
