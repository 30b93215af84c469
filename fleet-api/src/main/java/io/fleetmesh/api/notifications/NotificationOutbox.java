package io.fleetmesh.api.notifications;

import io.fleetmesh.api.alerts.AlertEvents.AlertChanged;
import io.fleetmesh.api.commands.CommandEvents.CommandTransitioned;
import io.fleetmesh.api.fuel.FuelEvents.FuelDrained;
import io.fleetmesh.api.maintenance.MaintenanceEvents.MaintenanceBecameDue;
import io.fleetmesh.api.trips.TripEvents.TripStarted;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues a notification for each recipient of each rule that wants the event, in the transaction of the event
 * itself (an outbox: never an event without its notifications, never one queued twice for one recipient), and
 * marks the recipient's batch due when its rule's window and quiet hours allow.
 */
@Component
class NotificationOutbox {

    private static final String QUEUE = """
            INSERT INTO notifications (tenant_id, rule_id, operator_id, channel, event_key, event, device_id, severity,
                title, link, occurred_at, state)
            SELECT ?, rule_id, operator_id, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING' FROM notification_recipients WHERE rule_id = ?
            ON CONFLICT (operator_id, channel, event_key) DO NOTHING
            RETURNING operator_id""";
    // a batch already due keeps its time; an idle one is due after the last message's window
    private static final String DUE = """
            INSERT INTO notification_batches (rule_id, operator_id, due_at) VALUES (?, ?, ?)
            ON CONFLICT (rule_id, operator_id) DO UPDATE SET due_at = coalesce(notification_batches.due_at, ?::timestamptz)""";

    private final JdbcTemplate jdbc;
    private final NotificationRules rules;
    private final NotificationSender sender;
    private final Clock clock;

    NotificationOutbox(JdbcTemplate jdbc, NotificationRules rules, NotificationSender sender, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.rules = rules;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void alert(AlertChanged changed) {
        Notices.of(changed).ifPresent(notice -> queue(changed.tenantId(), notice));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void command(CommandTransitioned transitioned) {
        Notices.of(transitioned).ifPresent(notice -> queue(transitioned.tenantId(), notice));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void maintenance(MaintenanceBecameDue due) {
        queue(due.tenantId(), Notices.of(due));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void fuelDrain(FuelDrained drained) {
        queue(drained.tenantId(), Notices.of(drained));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void tripStarted(TripStarted trip) {
        queue(trip.tenantId(), Notices.of(trip));
    }

    private void queue(UUID tenantId, Notice notice) {
        rules.wanting(tenantId, notice).forEach(rule -> queue(tenantId, rule, notice));
    }

    private void queue(UUID tenantId, NotificationRule rule, Notice notice) {
        List<UUID> recipients = jdbc.queryForList(QUEUE, UUID.class, tenantId, rule.channel(), notice.eventKey(),
                notice.event().apiName(), notice.deviceId(), notice.severity().name(), notice.title(), notice.link(),
                Timestamp.from(notice.at()), rule.id());
        recipients.forEach(operator -> due(rule, operator));
        if (!recipients.isEmpty()) {
            wakeSenderAfterCommit();
        }
    }

    private void wakeSenderAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            sender.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wake();
            }
        });
    }

    private void due(NotificationRule rule, UUID operator) {
        // no row, or a row that never sent: null
        Timestamp lastSent = jdbc.query("SELECT last_sent_at FROM notification_batches WHERE rule_id = ? AND operator_id = ?",
                rs -> rs.next() ? rs.getTimestamp(1) : null, rule.id(), operator);
        Timestamp due = Timestamp.from(rule.nextSendAt(clock.instant(), lastSent == null ? null : lastSent.toInstant()));
        jdbc.update(DUE, rule.id(), operator, due, due);
    }
}
