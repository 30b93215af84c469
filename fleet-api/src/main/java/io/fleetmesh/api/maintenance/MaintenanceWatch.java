package io.fleetmesh.api.maintenance;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at every device against every schedule now and then, and tells (an event, for notifications) when one
 * becomes due soon or overdue. The stored state makes it once per change, whichever replica sees it first.
 */
@Component
class MaintenanceWatch {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceWatch.class);
    private static final String CHANGED = """
            INSERT INTO maintenance_states (schedule_id, device_id, state) VALUES (?, ?, ?)
            ON CONFLICT (schedule_id, device_id) DO UPDATE SET state = EXCLUDED.state, changed_at = now()
                WHERE maintenance_states.state <> EXCLUDED.state
            RETURNING state""";

    private final Maintenance maintenance;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MaintenanceWatch(Maintenance maintenance, JdbcTemplate jdbc, ApplicationEventPublisher events,
                     PlatformTransactionManager transactions, Clock clock) {
        this.maintenance = maintenance;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fleetmesh.maintenance.check:5m}")
    void check() {
        for (UUID tenant : jdbc.queryForList("SELECT DISTINCT tenant_id FROM maintenance_schedules", UUID.class)) {
            try {
                transactions.executeWithoutResult(status -> check(tenant));
            } catch (RuntimeException e) {
                log.warn("maintenance check of tenant {} failed: {}", tenant, e.toString());
            }
        }
    }

    /** In one transaction with the notifications it queues. */
    private void check(UUID tenant) {
        maintenance.fleet(tenant, true).forEach(status -> {
            List<String> changed = jdbc.queryForList(CHANGED, String.class, status.scheduleId(), status.deviceId(),
                    status.state().name());
            boolean due = status.state() == MaintenanceState.DUE_SOON || status.state() == MaintenanceState.OVERDUE;
            if (!changed.isEmpty() && due) {
                events.publishEvent(new MaintenanceEvents.MaintenanceBecameDue(tenant, status.scheduleId(),
                        status.schedule(), status.deviceId(), status.state(), status.countedFrom(), clock.instant()));
            }
        });
    }
}
