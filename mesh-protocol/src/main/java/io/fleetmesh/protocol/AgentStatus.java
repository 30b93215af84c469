package io.fleetmesh.protocol;

import java.time.Instant;

/**
 * The agent's heartbeat on {@link Subjects#statusEvents}: version, applied configuration and subject mappings, uptime,
 * what the sync has not yet had acknowledged by the hub (and how old the oldest of it is), what buffer limits
 * discarded, the last sync.
 * The cloud keeps it whole as JSON; the field names below are what it reads back.
 */
public record AgentStatus(Instant ts, String agentVersion, Long configVersion, Long mappingsVersion, long uptimeSeconds,
                          long backlog, long oldestUnsyncedAgeSeconds, long discarded, Instant lastSyncAt) {

    public static final String AGENT_VERSION = "agentVersion";
    public static final String CONFIG_VERSION = "configVersion";
    /** The version of the tenant's subject mappings the truck's leaf applies (ADR 0014). */
    public static final String MAPPINGS_VERSION = "mappingsVersion";
    public static final String BACKLOG = "backlog";
    public static final String OLDEST_UNSYNCED_AGE = "oldestUnsyncedAgeSeconds";
    public static final String DISCARDED = "discarded";
    public static final String LAST_SYNC_AT = "lastSyncAt";
    public static final int MAX_BYTES = 4096;

    public byte[] toJson() {
        return Json.mapper.writeValueAsBytes(this);
    }
}
