package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.commands.CommandEvents.CommandTransitioned;
import io.fleetmesh.api.commands.CommandState;
import io.fleetmesh.protocol.PackageOrder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A truck offline for longer than a command may wait ({@code fleetmesh.commands.max-ttl}, 7 days) never saw its
 * {@code install-package} order: the order expired, the truck is still PENDING. While its rollout is not over and
 * before the rollout's deadline, the truck gets the order again (its consumer made anew), so a rollout of 14 days
 * still reaches a truck that is back on day 10. Prometheus: {@code fleetmesh_rollouts_reordered_total}.
 */
@Component
class ExpiredInstallOrders {

    private static final Logger log = LoggerFactory.getLogger(ExpiredInstallOrders.class);

    private final RolloutLog rollouts;
    private final RolloutDelivery delivery;
    private final MeterRegistry metrics;
    private final Clock clock;

    ExpiredInstallOrders(RolloutLog rollouts, RolloutDelivery delivery, MeterRegistry metrics, Clock clock) {
        this.rollouts = rollouts;
        this.delivery = delivery;
        this.metrics = metrics;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onCommand(CommandTransitioned transitioned) {
        if (transitioned.state() != CommandState.EXPIRED || !PackageOrder.COMMAND.equals(transitioned.type())) {
            return;
        }
        String device = transitioned.deviceId();
        Instant now = clock.instant();
        rollouts.pendingFor(transitioned.tenantId(), device)
                .flatMap(id -> rollouts.findForUpdate(transitioned.tenantId(), id))
                .filter(rollout -> !rollout.status().over() && now.isBefore(rollout.deadline()))
                .filter(rollout -> rollouts.stateOf(rollout.id(), device).orElse(null) == TargetState.PENDING)
                .ifPresent(rollout -> reorder(rollout, device));
    }

    private void reorder(Rollout rollout, String device) {
        delivery.deliver(rollout, device);
        metrics.counter("fleetmesh.rollouts.reordered").increment();
        log.info("install order expired before the truck came back, sent again: rollout={} device={}", rollout.id(), device);
    }
}
