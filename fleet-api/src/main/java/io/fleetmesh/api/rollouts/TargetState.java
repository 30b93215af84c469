package io.fleetmesh.api.rollouts;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one truck stands in a rollout. WAITING: its wave has not been released to it yet; PENDING: released, the
 * truck has not begun (it may be offline: it gets the package when it returns); then what the truck reports:
 * DOWNLOADING, VERIFIED, INSTALLING, and one of the ends.
 */
public enum TargetState {
    WAITING, PENDING, DOWNLOADING, VERIFIED, INSTALLING, SUCCEEDED, FAILED, ROLLING_BACK, ROLLED_BACK, SKIPPED;

    private static final Set<TargetState> ENDS = EnumSet.of(SUCCEEDED, FAILED, ROLLED_BACK, SKIPPED);

    boolean finished() {
        return ENDS.contains(this);
    }

    boolean released() {
        return this != WAITING && this != SKIPPED;
    }

    /**
     * Whether a truck's report may move it here: only once released, forwards only (a late or repeated report never
     * undoes a newer one; a download's progress repeats DOWNLOADING), never out of an end, and back from an install
     * only by a rollback.
     */
    boolean canBecome(TargetState next) {
        if (this == WAITING || finished() || next == WAITING || next == PENDING) {
            return false;
        }
        if (next == DOWNLOADING && this == DOWNLOADING) {
            return true; // progress: more bytes
        }
        if (next == ROLLED_BACK || next == ROLLING_BACK) {
            return this == ROLLING_BACK || this == INSTALLING || this == VERIFIED;
        }
        return next.ordinal() > ordinal() || next == FAILED;
    }
}
