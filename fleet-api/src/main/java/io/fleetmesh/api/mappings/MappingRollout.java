package io.fleetmesh.api.mappings;

import io.fleetmesh.api.commands.SystemCommands;
import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.protocol.MappingsOrder;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every new version of the tenant's mappings goes to each of its trucks as an {@code apply-mappings} command, for
 * its leaf to apply on the truck (ADR 0014): a legacy topic is buffered as the platform's even with no signal. Like
 * the rules' {@code apply-config}: a truck that is away gets it when it returns, one that applied a newer version
 * ignores an older one, and its heartbeat says which version it applies.
 */
@Component
class MappingRollout {

    private static final Logger log = LoggerFactory.getLogger(MappingRollout.class);
    private static final Duration TTL = Duration.ofDays(7);

    private final DeviceDirectory directory;
    private final SystemCommands commands;
    private final MappingVersions versions;
    private final ExecutorService pushing = Executors.newSingleThreadExecutor(task -> new Thread(task, "mapping-rollout"));

    MappingRollout(DeviceDirectory directory, SystemCommands commands, MappingVersions versions) {
        this.directory = directory;
        this.commands = commands;
        this.versions = versions;
    }

    /** In the background: a fleet of thousands takes a while; {@code GET /api/v1/subject-mappings/rollout} shows it. */
    @EventListener
    void changed(MappingEvents.MappingsChanged changed) {
        MappingsOrder order = versions.find(changed.tenantId(), changed.version()).map(MappingRollout::order)
                .orElseThrow();
        pushing.execute(() -> directory.tagsOf(changed.tenantId()).keySet()
                .forEach(device -> pushTo(changed.tenantId(), device, order, changed.by())));
    }

    /** One truck's failure (a deleted device, PostgreSQL away) does not stop the push to the others. */
    private void pushTo(UUID tenant, String device, MappingsOrder order, String by) {
        try {
            commands.send(tenant, device, MappingsOrder.COMMAND, order.params(), TTL, by);
        } catch (RuntimeException e) {
            log.warn("subject mappings {} not queued for {}: {}", order.version(), device, e.toString());
        }
    }

    static MappingsOrder order(MappingSet set) {
        Map<String, List<MappingsOrder.Destination>> mappings = new LinkedHashMap<>();
        set.rules().forEach(rule -> mappings.put(rule.source(), rule.destinations().stream()
                .map(d -> new MappingsOrder.Destination(d.subject(), d.weight())).toList()));
        return new MappingsOrder(set.version(), mappings);
    }

    @PreDestroy
    void stop() {
        pushing.shutdown();
    }
}
