package io.fleetmesh.api.events;

import io.fleetmesh.api.alerts.AlertEvents;
import io.fleetmesh.api.commands.CommandEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Prometheus: {@code fleetmesh_commands_transitions_total{state, source}} and
 * {@code fleetmesh_alerts_changes_total{state, severity}}, counted on this replica once committed.
 */
@Component
class DomainMetrics {

    private final MeterRegistry registry;

    DomainMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void command(CommandEvents.CommandTransitioned transitioned) {
        Counter.builder("fleetmesh.commands.transitions").description("command lifecycle transitions")
                .tag("state", transitioned.state().name()).tag("source", transitioned.source().name())
                .register(registry).increment();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void alert(AlertEvents.AlertChanged changed) {
        Counter.builder("fleetmesh.alerts.changes").description("alerts raised, counted, acknowledged, resolved")
                .tag("state", changed.state().name()).tag("severity", changed.severity().name())
                .register(registry).increment();
    }
}
