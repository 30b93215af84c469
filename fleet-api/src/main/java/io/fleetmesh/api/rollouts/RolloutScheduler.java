package io.fleetmesh.api.rollouts;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running rollouts on, on every replica: each one in a transaction holding its row (another replica skips
 * it), the gate's step applied in that transaction: released trucks get their package, and a rollout that ends
 * skips the trucks that had not begun. A truck another rollout is delivering to waits (one package at a time; the
 * database refuses a second one under way, whichever replica tries). Prometheus:
 * {@code fleetmesh_rollouts_released_total}, {@code fleetmesh_rollouts_ended_total{status}}.
 */
@Component
class RolloutScheduler {

    private static final Logger log = LoggerFactory.getLogger(RolloutScheduler.class);

    private final RolloutLog rollouts;
    private final RolloutDelivery delivery;
    private final TransactionTemplate transaction;
    private final MeterRegistry metrics;
    private final Clock clock;

    RolloutScheduler(RolloutLog rollouts, RolloutDelivery delivery, PlatformTransactionManager transactions,
                     MeterRegistry metrics, Clock clock) {
        this.rollouts = rollouts;
        this.delivery = delivery;
        this.transaction = new TransactionTemplate(transactions);
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fleetmesh.rollouts.tick:5s}", initialDelayString = "${fleetmesh.rollouts.tick:5s}")
    void tick() {
        rollouts.running().forEach(id -> {
            try {
                step(id, clock.instant());
            } catch (RuntimeException e) {
                log.warn("rollout {} not moved on, tried again next tick: {}", id, e.toString());
            }
        });
    }

    /** One step of the rollout at {@code now}, unless another replica holds it or it is no longer running. */
    void step(UUID id, Instant now) {
        transaction.executeWithoutResult(status -> rollouts.lock(id).filter(r -> r.status() == RolloutStatus.RUNNING)
                .ifPresent(rollout -> apply(rollout, now)));
    }

    private void apply(Rollout rollout, Instant now) {
        List<RolloutGate.Target> targets = rollouts.targets(rollout.id());
        RolloutGate.Step step = RolloutGate.next(rollout.plan(), targets, rollout.startedAt(), now,
                rollouts.releasedSince(rollout.id(), now.minus(Duration.ofMinutes(1))),
                Set.copyOf(rollouts.busy(rollout, TargetState.WAITING)));
        release(rollout, step.release(), now);
        if (step.status() != RolloutStatus.RUNNING) {
            end(rollout, step, targets, now);
        }
    }

    private void release(Rollout rollout, List<String> trucks, Instant now) {
        rollouts.move(rollout.id(), trucks, TargetState.WAITING, TargetState.PENDING, now);
        trucks.forEach(truck -> delivery.deliver(rollout, truck));
        metrics.counter("fleetmesh.rollouts.released").increment(trucks.size());
        if (!trucks.isEmpty()) {
            log.info("rollout released: id={} package={}@{} trucks={}", rollout.id(), rollout.packageName(),
                    rollout.packageVersion(), trucks.size());
        }
    }

    /**
     * Trucks not reached or not begun are skipped, their consumers go; an aborted rollout rolls back the trucks that
     * installed it, but for those another rollout is delivering to now (they keep what they have).
     */
    private void end(Rollout rollout, RolloutGate.Step step, List<RolloutGate.Target> targets, Instant now) {
        targets.stream().filter(target -> target.state() == TargetState.PENDING)
                .forEach(target -> delivery.withdraw(rollout, target.deviceId()));
        List<String> rollBack = new ArrayList<>(step.rollBack());
        rollBack.removeAll(rollouts.busy(rollout, TargetState.SUCCEEDED));
        rollouts.move(rollout.id(), rollBack, TargetState.SUCCEEDED, TargetState.ROLLING_BACK, now);
        rollBack.forEach(truck -> delivery.rollBack(rollout, truck));
        rollouts.moveAll(rollout.id(), TargetState.WAITING, TargetState.SKIPPED, now);
        rollouts.moveAll(rollout.id(), TargetState.PENDING, TargetState.SKIPPED, now);
        rollouts.status(rollout.ended(step.status(), now));
        metrics.counter("fleetmesh.rollouts.ended", "status", step.status().name()).increment();
        log.info("rollout ended: id={} tenant={} package={}@{} status={} skipped={} rollingBack={}", rollout.id(),
                rollout.tenantId(), rollout.packageName(), rollout.packageVersion(), step.status(), step.skip().size(),
                rollBack.size());
    }
}
