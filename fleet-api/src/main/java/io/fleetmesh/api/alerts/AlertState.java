package io.fleetmesh.api.alerts;

/** ACTIVE → ACKNOWLEDGED → RESOLVED (an active alert may also be resolved at once). */
public enum AlertState {
    ACTIVE, ACKNOWLEDGED, RESOLVED
}
