package io.fleetmesh.api.events;

import io.fleetmesh.api.alerts.AlertEvents;
import io.fleetmesh.api.alerts.AlertState;
import io.fleetmesh.api.alerts.Severity;
import io.fleetmesh.api.commands.CommandEvents;
import io.fleetmesh.api.commands.CommandSource;
import io.fleetmesh.api.commands.CommandState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Prometheus: {@code fleetmesh_commands_transitions_total{state, source}} and
 * {@code fleetmesh_alerts_changes_total{state, severity}}, counted on this replica once committed. Every combination
 * is registered at start (16 and 9 series): a counter that appears only at its first increment loses that increment
 * to Prometheus' rate(), and the dashboard shows 0 instead of no data.
 */
@Component
class DomainMetrics {

    private final MeterRegistry registry;

    DomainMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (CommandState state : CommandState.values()) {
            for (CommandSource source : CommandSource.values()) {
                transitions(state, source);
            }
        }
        for (AlertState state : AlertState.values()) {
            for (Severity severity : Severity.values()) {
                changes(state, severity);
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void command(CommandEvents.CommandTransitioned transitioned) {
        transitions(transitioned.state(), transitioned.source()).increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void alert(AlertEvents.AlertChanged changed) {
        changes(changed.state(), changed.severity()).increment();
    }

    private Counter transitions(CommandState state, CommandSource source) {
        return Counter.builder("fleetmesh.commands.transitions").description("command lifecycle transitions")
                .tag("state", state.name()).tag("source", source.name()).register(registry);
    }

    private Counter changes(AlertState state, Severity severity) {
        return Counter.builder("fleetmesh.alerts.changes").description("alerts raised, counted, acknowledged, resolved")
                .tag("state", state.name()).tag("severity", severity.name()).register(registry);
    }
}
