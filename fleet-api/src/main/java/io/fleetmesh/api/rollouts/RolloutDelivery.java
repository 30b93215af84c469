package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.commands.SystemCommands;
import io.fleetmesh.api.packages.PackageDelivery;
import io.fleetmesh.api.packages.Packages;
import io.fleetmesh.api.rollouts.RolloutEvents.TargetReleased;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A released truck gets its package (ADR 0013): its pull consumer on the package's chunks, and an
 * {@code install-package} command naming the rollout and the package, queued in the release's transaction, so a
 * release never happens without its command. A hub that does not answer rolls the release back: the next step
 * releases it again.
 */
@Component
class RolloutDelivery {

    /** Commands wait for an offline truck at most this long (the commands' own limit); a rollout may last longer. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(7);
    static final String INSTALL = "install-package";

    private final Packages packages;
    private final SystemCommands commands;
    private final RolloutLog rollouts;
    private final Clock clock;

    RolloutDelivery(Packages packages, SystemCommands commands, RolloutLog rollouts, Clock clock) {
        this.packages = packages;
        this.commands = commands;
        this.rollouts = rollouts;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void released(TargetReleased released) {
        PackageDelivery delivery = packages.deliver(released.tenantId(), released.packageName(), released.packageVersion(),
                released.deviceId());
        Map<String, Object> params = new LinkedHashMap<>(Map.of("rollout", released.rolloutId().toString()));
        params.putAll(delivery.params());
        commands.send(released.tenantId(), released.deviceId(), INSTALL, params, waitFor(released),
                "rollout:" + released.rolloutId());
    }

    private Duration waitFor(TargetReleased released) {
        Instant deadline = rollouts.find(released.tenantId(), released.rolloutId()).map(r -> r.startedAt().plus(r.plan().deadline()))
                .orElse(clock.instant().plus(LONGEST_WAIT));
        Duration left = Duration.between(clock.instant(), deadline);
        return left.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : left.isNegative() || left.isZero() ? Duration.ofMinutes(1) : left;
    }
}
