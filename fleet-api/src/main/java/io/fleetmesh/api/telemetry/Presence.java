package io.fleetmesh.api.telemetry;

/**
 * Where a device stands: ONLINE if it was heard from (an agent's heartbeat or a reading) within
 * {@code fleetmesh.telemetry.offline-after}, OFFLINE if heard from before that, NEVER_SEEN if never. Readings count
 * as well as heartbeats so that a device without an agent (a tracker on MQTT) is online while it reports.
 */
public enum Presence {
    ONLINE("greatest(s.status_at, s.last_seen) > :since"),
    OFFLINE("greatest(s.status_at, s.last_seen) <= :since"),
    NEVER_SEEN("s.status_at IS NULL AND s.last_seen IS NULL");

    /** The SQL condition over {@code devices d LEFT JOIN device_state s}, {@code :since} the offline cut-off. */
    final String condition;

    Presence(String condition) {
        this.condition = condition;
    }
}
