package io.fleetmesh.api.rollouts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What a running rollout does next, given where its trucks stand (pure; the scheduler applies it). In order: past
 * its abort threshold it aborts (trucks not reached or not begun are skipped, those that installed are rolled
 * back); every truck finished, it is complete; past its deadline it expires (the same are skipped); else the
 * first wave with waiting trucks is released, within the rate, once the waves before it succeeded well enough. A
 * truck released but offline does not hold up the next wave beyond that ratio.
 */
final class RolloutGate {

    /** A truck of the rollout: its wave (from 0) and state. */
    record Target(String deviceId, int wave, TargetState state) {
    }

    /** What to do now; {@code status} is the rollout's status after it. */
    record Step(List<String> release, List<String> skip, List<String> rollBack, RolloutStatus status) {

        static Step nothing() {
            return new Step(List.of(), List.of(), List.of(), RolloutStatus.RUNNING);
        }
    }

    private RolloutGate() {
    }

    /** {@code busy}: trucks another rollout is delivering to now; they wait, and those after them go first. */
    static Step next(RolloutPlan plan, List<Target> targets, Instant startedAt, Instant now, int releasedThisMinute,
                     Set<String> busy) {
        // before completion: a rollout whose last trucks pass the threshold is aborted, and rolled back, too
        if (aborting(plan, targets)) {
            return new Step(List.of(), unstarted(targets), in(targets, TargetState.SUCCEEDED), RolloutStatus.ABORTED);
        }
        if (targets.stream().allMatch(target -> target.state().finished())) {
            return new Step(List.of(), List.of(), List.of(), RolloutStatus.COMPLETED);
        }
        if (now.isAfter(startedAt.plus(plan.deadline()))) {
            return new Step(List.of(), unstarted(targets), List.of(), RolloutStatus.EXPIRED);
        }
        return release(plan, targets, Math.max(0, plan.perMinute() - releasedThisMinute), busy);
    }

    private static Step release(RolloutPlan plan, List<Target> targets, int room, Set<String> busy) {
        int wave = targets.stream().filter(target -> target.state() == TargetState.WAITING).mapToInt(Target::wave).min()
                .orElse(-1);
        if (wave < 0 || room == 0 || !open(plan, targets, wave)) {
            return Step.nothing();
        }
        List<String> release = targets.stream().filter(target -> target.wave() == wave
                && target.state() == TargetState.WAITING && !busy.contains(target.deviceId())).map(Target::deviceId)
                .limit(room).toList();
        return new Step(release, List.of(), List.of(), RolloutStatus.RUNNING);
    }

    /** A wave under way goes on; a new one starts once the trucks of the waves before it succeeded well enough. */
    private static boolean open(RolloutPlan plan, List<Target> targets, int wave) {
        if (targets.stream().anyMatch(target -> target.wave() == wave && target.state().released())) {
            return true;
        }
        long before = targets.stream().filter(target -> target.wave() < wave).count();
        long succeeded = targets.stream().filter(target -> target.wave() < wave && target.state() == TargetState.SUCCEEDED)
                .count();
        return succeeded * 100 >= plan.successPercent() * before;
    }

    private static boolean aborting(RolloutPlan plan, List<Target> targets) {
        // a truck that rolled itself back failed to take the package as much as one that reported FAILED
        long failed = targets.stream().filter(target -> target.state() == TargetState.FAILED
                || target.state() == TargetState.ROLLED_BACK).count();
        long finished = targets.stream().filter(target -> target.state().finished()
                && target.state() != TargetState.SKIPPED).count();
        boolean byCount = plan.abortFailures() != null && failed >= plan.abortFailures();
        boolean byShare = plan.abortPercent() != null && failed > 0 && failed * 100 >= (long) plan.abortPercent() * finished;
        return byCount || byShare;
    }

    /** Trucks not reached, or released and not begun (offline): they are skipped when the rollout ends. */
    private static List<String> unstarted(List<Target> targets) {
        return targets.stream().filter(target -> target.state() == TargetState.WAITING
                || target.state() == TargetState.PENDING).map(Target::deviceId).toList();
    }

    private static List<String> in(List<Target> targets, TargetState state) {
        return targets.stream().filter(target -> target.state() == state).map(Target::deviceId).toList();
    }
}
