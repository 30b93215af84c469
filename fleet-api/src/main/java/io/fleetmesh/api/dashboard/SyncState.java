package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.telemetry.DeviceStatus;
import io.fleetmesh.protocol.AgentStatus;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A device's presence and sync as its detail page shows them, read from its agent's last heartbeat. */
record SyncState(boolean online, Instant lastHeartbeat, String agentVersion, String configVersion, String backlog,
                 String oldestUnsyncedAgeSeconds, String lastSyncAt, String discarded) {

    static SyncState of(DeviceStatus status) {
        JsonNode agent = status.agent();
        return new SyncState(status.online(), status.lastHeartbeat(), field(agent, AgentStatus.AGENT_VERSION),
                field(agent, AgentStatus.CONFIG_VERSION), field(agent, AgentStatus.BACKLOG),
                field(agent, AgentStatus.OLDEST_UNSYNCED_AGE), field(agent, AgentStatus.LAST_SYNC_AT),
                field(agent, AgentStatus.DISCARDED));
    }

    /** The heartbeat's field as text, or null (an agent that never reported, or one that does not send it). */
    private static String field(JsonNode agent, String name) {
        JsonNode value = agent == null ? null : agent.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }
}
