package io.fleetmesh.api.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * One device of the fleet list: who it is, where it stands ({@code since}: online since its current run of
 * heartbeats began, offline since it was last heard from, never seen since it was registered), when it was last
 * heard from, its latest fix (null before one), its agent's sync backlog (null without an agent) and its credentials.
 */
public record FleetRow(String id, String name, String kind, List<String> tags, Presence presence, Instant since,
                       Instant lastSeen, Fix position, Long syncBacklog, String credentialsState,
                       Instant credentialsChangedAt) {

    /** A GPS fix: speed in km/h and heading in degrees from north, each null if the device does not send it. */
    public record Fix(double lat, double lon, Double speed, Double heading, Instant at) {
    }
}
