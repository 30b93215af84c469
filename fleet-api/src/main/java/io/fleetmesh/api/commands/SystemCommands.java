package io.fleetmesh.api.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** For other features: queue a command to a device as the platform (e.g. a rule configuration push). */
@Component
public class SystemCommands {

    private final CommandRequests requests;
    private final CommandQueue queue;
    private final CommandProperties properties;
    private final CommandRepository commands;

    SystemCommands(CommandRequests requests, CommandQueue queue, CommandProperties properties, CommandRepository commands) {
        this.requests = requests;
        this.queue = queue;
        this.properties = properties;
        this.commands = commands;
    }

    /** The longest a command waits for an offline truck ({@code fleetmesh.commands.max-ttl}). */
    public Duration longestWait() {
        return properties.maxTtl();
    }

    /** {@code by}: who caused it, for the command's history and the audit log. */
    public UUID send(UUID tenant, String device, String type, Map<String, Object> params, Duration ttl, String by) {
        CommandRequest request = requests.of(new NewCommand(type, params, ttl, List.of()), by, null, "device:" + device);
        return queue.queue(tenant, device, request, null).id();
    }

    /** The devices given a command of this type since then, unless it expired before they saw it. */
    public Set<String> orderedSince(UUID tenant, String type, Instant since) {
        return commands.findDevicesOrderedSince(tenant, type, since);
    }
}
