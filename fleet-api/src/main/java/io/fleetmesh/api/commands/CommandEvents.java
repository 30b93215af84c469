package io.fleetmesh.api.commands;

import java.time.Instant;
import java.util.UUID;

/** What happened to commands: for the audit log, live events and webhooks. */
public final class CommandEvents {

    private CommandEvents() {
    }

    /** {@code fanoutId}: the fan-out it belongs to, or null for a command to one device. */
    public record CommandCreated(UUID tenantId, UUID commandId, String deviceId, String type, String by, UUID fanoutId) {
    }

    public record FanOutCreated(UUID tenantId, UUID fanoutId, String type, int devices, String by) {
    }

    public record CommandCancelled(UUID tenantId, UUID commandId, String deviceId, String by) {
    }

    /** Any step of the lifecycle, from the cloud or reported by the truck. */
    public record CommandTransitioned(UUID tenantId, UUID commandId, String deviceId, String type,
                                      CommandState state, CommandSource source, Instant at) {
    }
}
