package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.commands.SystemCommands;
import io.fleetmesh.api.packages.PackageDelivery;
import io.fleetmesh.api.packages.Packages;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A released truck gets its package (ADR 0013): its pull consumer on the package's chunks, and an
 * {@code install-package} command naming the rollout and the package, queued in the release's own transaction, so
 * a release never happens without its command. A hub that does not answer fails the release, which rolls back: the
 * next step releases it again (the consumer is made anew then).
 */
@Component
class RolloutDelivery {

    /** Commands wait for an offline truck at most this long (the commands' default limit); a rollout may last longer. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(7);
    static final String INSTALL = "install-package";

    private final Packages packages;
    private final SystemCommands commands;
    private final Clock clock;

    RolloutDelivery(Packages packages, SystemCommands commands, Clock clock) {
        this.packages = packages;
        this.commands = commands;
        this.clock = clock;
    }

    void deliver(Rollout rollout, String device) {
        PackageDelivery delivery = packages.deliver(rollout.tenantId(), rollout.packageName(), rollout.packageVersion(),
                device);
        Map<String, Object> params = new LinkedHashMap<>(Map.of("rollout", rollout.id().toString()));
        params.putAll(delivery.params());
        commands.send(rollout.tenantId(), device, INSTALL, params, waitFor(rollout), "rollout:" + rollout.id());
    }

    /** The truck's consumer goes: the rollout ended before the truck began. */
    void withdraw(Rollout rollout, String device) {
        packages.undeliver(rollout.tenantId(), device);
    }

    private Duration waitFor(Rollout rollout) {
        Duration left = Duration.between(clock.instant(), rollout.startedAt().plus(rollout.plan().deadline()));
        return left.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : left.isNegative() || left.isZero() ? Duration.ofMinutes(1) : left;
    }
}
