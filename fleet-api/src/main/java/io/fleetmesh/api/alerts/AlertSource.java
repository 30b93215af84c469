package io.fleetmesh.api.alerts;

/** Raised by a truck's edge rule, or by the cloud's own (offline device, geofence). */
public enum AlertSource {
    EDGE, CLOUD
}
