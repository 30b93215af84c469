package io.fleetmesh.api.alerts;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.mesh.EventSubscriptions;
import io.fleetmesh.api.telemetry.Quarantine;
import io.fleetmesh.protocol.AlertEvent;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts the trucks raised and cleared ({@code fleet.<dev>.events.alert}): stored with their edge id and time. Each
 * occurrence counts once however often it is redelivered; one older than {@code fleetmesh.alerts.backfill-after}
 * when it arrives is flagged backfilled. Malformed ones are quarantined.
 */
@Component
class EdgeAlerts {

    private final AlertBook book;
    private final DeviceDirectory directory;
    private final Quarantine quarantine;
    private final JdbcTemplate jdbc;
    private final AlertProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EdgeAlerts(EventSubscriptions subscriptions, AlertBook book, DeviceDirectory directory, Quarantine quarantine,
               JdbcTemplate jdbc, AlertProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.book = book;
        this.directory = directory;
        this.quarantine = quarantine;
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        subscriptions.register("edge-alerts", Subjects.ALL_ALERT_EVENTS, this::onAlert);
    }

    private void onAlert(UUID tenant, Message message) {
        String device = Subjects.deviceOf(message.getSubject());
        try {
            AlertEvent alert = parse(message.getData());
            if (directory.registered(tenant, List.of(device)).isEmpty()) {
                throw new IllegalArgumentException("device " + device + " is not registered");
            }
            // the occurrence and its effect in one transaction: a failure leaves neither, and the redelivery retries
            transactions.executeWithoutResult(status -> {
                if (firstTime(tenant, alert)) {
                    apply(tenant, device, alert);
                }
            });
        } catch (IllegalArgumentException refused) {
            quarantine.refused(tenant, message, refused.getMessage());
        }
    }

    private boolean alreadyCleared(UUID tenant, AlertEvent alert) {
        return jdbc.queryForObject("SELECT count(*) FROM alert_occurrences WHERE tenant_id = ? AND edge_alert_id = ?"
                + " AND state = 'CLEARED'", Integer.class, tenant, alert.alertId()) > 0;
    }

    private boolean firstTime(UUID tenant, AlertEvent alert) {
        return jdbc.update("INSERT INTO alert_occurrences (tenant_id, edge_alert_id, state) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", tenant, alert.alertId(), alert.state()) == 1;
    }

    /** A CLEARED that overtook its RAISED (a redelivery) leaves nothing open when the RAISED comes. */
    private void apply(UUID tenant, String device, AlertEvent alert) {
        if (!alert.cleared() && alreadyCleared(tenant, alert)) {
            return;
        }
        if (alert.cleared()) {
            book.clear(tenant, device, alert.ruleId(), "truck", "cleared on the truck: " + alert.message(), alert.ts());
            return;
        }
        boolean backfilled = properties.backfilled(alert.ts(), clock.instant());
        book.raise(new AlertRaise(tenant, device, alert.ruleId(), AlertSource.EDGE, Severity.valueOf(alert.severity()),
                alert.message(), alert.metric(), alert.value(), alert.threshold(), alert.ts(), alert.alertId(), backfilled));
    }

    /** The truck's alert, with a severity the cloud knows. */
    private static AlertEvent parse(byte[] payload) {
        AlertEvent alert = AlertEvent.parse(payload);
        Severity.valueOf(alert.severity());
        return alert;
    }
}
