package io.fleetmesh.api.reports;

import java.time.Instant;

/** One line of the events report: what happened to a device and when (an alert, a geofence crossing, a command). */
public record ReportEvent(Instant at, String deviceId, String type, String severity, String detail) {

    Object[] row() {
        return new Object[] {deviceId, at, type, severity, detail};
    }
}
