package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.commands.SystemCommands;
import io.fleetmesh.api.packages.PackageDelivery;
import io.fleetmesh.api.packages.Packages;
import io.fleetmesh.protocol.PackageOrder;
import io.fleetmesh.protocol.PackageRollback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A released truck gets its package (ADR 0013): its pull consumer on the package's chunks, and an
 * {@code install-package} command naming the rollout and the package, queued in the release's own transaction, so
 * a release never happens without its command. A hub that does not answer fails the release, which rolls back: the
 * next step releases it again (the consumer is made anew then).
 */
@Component
class RolloutDelivery {

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
        PackageOrder order = delivery.order(rollout.id(), rollout.plan().installWhen(), rollout.deadline());
        commands.send(rollout.tenantId(), device, PackageOrder.COMMAND, order.params(), waitFor(rollout.deadline()),
                "rollout:" + rollout.id());
    }

    /** The aborted rollout's package comes back off the truck, whenever it is next online within the commands' limit. */
    void rollBack(Rollout rollout, String device) {
        PackageRollback rollback = new PackageRollback(rollout.id().toString(), rollout.packageName(),
                rollout.packageVersion(), rollout.packageKind());
        commands.send(rollout.tenantId(), device, PackageRollback.COMMAND, rollback.params(), commands.longestWait(),
                "rollout:" + rollout.id());
    }

    /** The truck's consumer goes: the rollout ended before the truck began. */
    void withdraw(Rollout rollout, String device) {
        packages.undeliver(rollout.tenantId(), device);
    }

    /** Until the deadline, but no longer than a command may wait (a rollout may last longer: ExpiredInstallOrders). */
    private Duration waitFor(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        Duration longest = commands.longestWait();
        return left.compareTo(longest) > 0 ? longest : left.isNegative() || left.isZero() ? Duration.ofMinutes(1) : left;
    }
}
