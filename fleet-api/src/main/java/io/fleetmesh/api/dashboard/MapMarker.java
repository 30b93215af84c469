package io.fleetmesh.api.dashboard;

import java.time.Instant;

/**
 * A device on the overview's map ({@code GET /api/v1/positions}): where its latest fix puts it, which way it heads
 * (degrees from north, null if unknown), its speed (km/h), and its state: moving, stopped, offline or alerting.
 */
record MapMarker(String deviceId, String name, double lat, double lon, Double speed, Double heading, Instant ts,
                 String state, long openAlerts) {

    static MapMarker of(FleetDevice device) {
        return new MapMarker(device.id(), device.name(), device.position().lat(), device.position().lon(),
                device.position().speed(), device.position().heading(), device.position().at(), device.state(),
                device.openAlerts());
    }
}
