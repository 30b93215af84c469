package io.fleetmesh.api.rollouts;

/** A rollout's own state: running (or paused) until every truck finished, it was stopped, or its deadline passed. */
public enum RolloutStatus {
    RUNNING, PAUSED, COMPLETED, ABORTED, CANCELLED, EXPIRED;

    boolean over() {
        return this != RUNNING && this != PAUSED;
    }
}
