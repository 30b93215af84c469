package io.fleetmesh.api.maintenance;

/** OK, DUE_SOON (within the schedule's margin), OVERDUE (past it on any counter), DONE (a fixed date serviced). */
public enum MaintenanceState {
    OK, DUE_SOON, OVERDUE, DONE
}
