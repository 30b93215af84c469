package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.PackageOrder;

/**
 * Where the truck stands with one rollout's package, kept on disk across restarts. Phases, each written before the
 * work it allows: DOWNLOADING (chunks are fetched), VERIFIED (the joined package passed its checks), INSTALLING
 * (claimed: found on a restart, the install is never started again), FINISHED (the outcome is decided, its report
 * not yet stored in the outbox) and DONE.
 *
 * @param outcome the final state reported ({@code OtaReport}'s), once FINISHED
 * @param reason  why it FAILED, or null
 */
record PackageJob(PackageOrder order, Phase phase, String outcome, String reason) {

    enum Phase { DOWNLOADING, VERIFIED, INSTALLING, FINISHED, DONE }

    static PackageJob accepted(PackageOrder order) {
        return new PackageJob(order, Phase.DOWNLOADING, null, null);
    }

    PackageJob at(Phase next) {
        if (next.ordinal() <= phase.ordinal() || next == Phase.FINISHED) {
            throw new IllegalStateException("a package job goes only forwards: " + phase + " to " + next);
        }
        return new PackageJob(order, next, outcome, reason);
    }

    PackageJob finished(String finalState, String why) {
        if (phase.ordinal() >= Phase.FINISHED.ordinal()) {
            throw new IllegalStateException("a package job finishes once");
        }
        return new PackageJob(order, Phase.FINISHED, finalState, why);
    }

    String rollout() {
        return order.rollout();
    }
}
