package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.rollouts.RolloutEvents.RollbackAsked;
import io.fleetmesh.api.rollouts.RolloutEvents.TargetReleased;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running rollouts on, on every replica: each one in a transaction holding its row (another replica skips
 * it), the gate's step applied and told as events in that transaction. A truck another rollout is delivering to
 * waits for it: one package at a time per truck. Prometheus:
 * {@code fleetmesh_rollouts_released_total}, {@code fleetmesh_rollouts_ended_total{status}}.
 */
@Component
class RolloutScheduler {

    private static final Logger log = LoggerFactory.getLogger(RolloutScheduler.class);

    private final RolloutLog rollouts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MeterRegistry metrics;
    private final Clock clock;

    RolloutScheduler(RolloutLog rollouts, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                     MeterRegistry metrics, Clock clock) {
        this.rollouts = rollouts;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fleetmesh.rollouts.tick:5s}", initialDelayString = "${fleetmesh.rollouts.tick:5s}")
    void tick() {
        rollouts.running(100).forEach(id -> {
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
        RolloutGate.Step step = RolloutGate.next(rollout.plan(), rollouts.targets(rollout.id()), rollout.startedAt(), now,
                rollouts.releasedSince(rollout.id(), now.minus(Duration.ofMinutes(1))), rollout.canRollBack());
        List<String> busy = rollouts.busy(rollout, step.release());
        List<String> release = step.release().stream().filter(device -> !busy.contains(device)).toList();
        rollouts.move(rollout.id(), release, TargetState.WAITING, TargetState.PENDING, now);
        release.forEach(device -> events.publishEvent(new TargetReleased(rollout.tenantId(), rollout.id(), device,
                rollout.packageName(), rollout.packageVersion(), rollout.packageKind())));
        rollouts.move(rollout.id(), step.skip(), TargetState.WAITING, TargetState.SKIPPED, now);
        rollouts.move(rollout.id(), step.rollBack(), TargetState.SUCCEEDED, TargetState.ROLLING_BACK, now);
        step.rollBack().forEach(device -> events.publishEvent(new RollbackAsked(rollout.tenantId(), rollout.id(), device,
                rollout.packageName(), rollout.packageVersion())));
        metrics.counter("fleetmesh.rollouts.released").increment(release.size());
        if (step.status() != RolloutStatus.RUNNING) {
            rollouts.status(rollout.ended(step.status(), now));
            metrics.counter("fleetmesh.rollouts.ended", "status", step.status().name()).increment();
            log.info("rollout ended: id={} tenant={} package={}@{} status={} skipped={} rolledBack={}", rollout.id(),
                    rollout.tenantId(), rollout.packageName(), rollout.packageVersion(), step.status(), step.skip().size(),
                    step.rollBack().size());
        } else if (!step.release().isEmpty()) {
            log.info("rollout released: id={} package={}@{} trucks={} waiting for another rollout={}", rollout.id(),
                    rollout.packageName(), rollout.packageVersion(), release.size(), busy.size());
        }
    }
}
