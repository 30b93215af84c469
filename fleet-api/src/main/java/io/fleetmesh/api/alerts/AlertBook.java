package io.fleetmesh.api.alerts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises and clears alerts, one open alert per (device, rule): a repeat counts on the open one. Each change is a
 * transaction (the caller's, if it has one), retried when another replica raised the same alert at the same moment.
 */
@Component
class AlertBook {

    private static final int ATTEMPTS = 5;

    private final AlertRepository alerts;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    AlertBook(AlertRepository alerts, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.alerts = alerts;
        // joins a caller's transaction (an edge alert's occurrence is recorded with it); alone, its own
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
    }

    Alert raise(AlertRaise raise) {
        return retried(() -> {
            Alert alert = alerts.findOpen(raise.tenantId(), raise.deviceId(), raise.ruleId())
                    .map(open -> {
                        open.again(raise);
                        return open;
                    })
                    .orElseGet(() -> new Alert(raise));
            return saved(alert);
        });
    }

    /** The condition is over (cleared on the truck, device back online): its open alert is resolved, if any. */
    Optional<Alert> clear(UUID tenant, String device, String rule, String by, String note, Instant at) {
        return Optional.ofNullable(retried(() -> alerts.findOpen(tenant, device, rule).map(open -> {
            open.resolve(by, at, note);
            return saved(open);
        }).orElse(null)));
    }

    /** An operator's acknowledge or resolve. */
    Alert handle(UUID tenant, UUID id, java.util.function.Consumer<Alert> change) {
        return retried(() -> {
            Alert alert = alerts.findByIdAndTenantId(id, tenant).orElseThrow(AlertNotFoundException::new);
            change.accept(alert);
            return saved(alert);
        });
    }

    private Alert saved(Alert alert) {
        Alert saved = alerts.saveAndFlush(alert);
        events.publishEvent(saved.changed());
        return saved;
    }

    private Alert retried(Supplier<Alert> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> change.get());
            } catch (DataIntegrityViolationException | OptimisticLockingFailureException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
