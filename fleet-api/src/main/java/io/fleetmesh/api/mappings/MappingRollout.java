package io.fleetmesh.api.mappings;

import io.fleetmesh.api.commands.SystemCommands;
import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.telemetry.FleetQueries;
import io.fleetmesh.protocol.MappingsOrder;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every new version of the tenant's mappings goes to each of its trucks as an {@code apply-mappings} command, for
 * its leaf to apply on the truck (ADR 0014): a legacy topic is buffered as the platform's even with no signal. Like
 * the rules' {@code apply-config}: a truck that is away gets it when it returns, one that applied a newer version
 * ignores an older one, and its heartbeat says which version it applies. A truck the push missed (registered since,
 * or away for longer than the order waited) gets the latest version once its heartbeat shows it behind.
 */
@Component
@EnableConfigurationProperties(MappingProperties.class)
class MappingRollout {

    private static final Logger log = LoggerFactory.getLogger(MappingRollout.class);
    private static final Duration TTL = Duration.ofDays(7);
    private static final String CATCH_UP = "mappings:catch-up";

    private final DeviceDirectory directory;
    private final SystemCommands commands;
    private final MappingVersions versions;
    private final FleetQueries fleet;
    private final MappingProperties properties;
    private final Clock clock;
    private final ExecutorService pushing = Executors.newSingleThreadExecutor(task -> new Thread(task, "mapping-rollout"));

    MappingRollout(DeviceDirectory directory, SystemCommands commands, MappingVersions versions, FleetQueries fleet,
                   MappingProperties properties, Clock clock) {
        this.directory = directory;
        this.commands = commands;
        this.versions = versions;
        this.fleet = fleet;
        this.properties = properties;
        this.clock = clock;
    }

    /** In the background: a fleet of thousands takes a while; {@code GET /api/v1/subject-mappings/rollout} shows it. */
    @EventListener
    void changed(MappingEvents.MappingsChanged changed) {
        MappingsOrder order = versions.find(changed.tenantId(), changed.version()).map(MappingRollout::order)
                .orElseThrow();
        pushing.execute(() -> directory.tagsOf(changed.tenantId()).keySet()
                .forEach(device -> pushTo(changed.tenantId(), device, order, changed.by())));
    }

    @Scheduled(initialDelayString = "${fleetmesh.mappings.catch-up-interval:10m}",
            fixedDelayString = "${fleetmesh.mappings.catch-up-interval:10m}")
    void catchUpAll() {
        versions.latestOfEachTenant().forEach(this::catchUp);
    }

    /**
     * Trucks heard from lately that apply an older version and got no order for this one (or only one that expired
     * before they saw it). Two replicas at once may both order a truck: it applies a version once, the second is a no-op.
     */
    void catchUp(UUID tenant, MappingSet latest) {
        Instant heardSince = clock.instant().minus(properties.catchUpInterval());
        Set<String> ordered = commands.orderedSince(tenant, MappingsOrder.COMMAND, latest.createdAt());
        MappingsOrder order = order(latest);
        fleet.appliedMappings(tenant).stream()
                .filter(truck -> truck.lastHeartbeat() != null && truck.lastHeartbeat().isAfter(heardSince))
                .filter(truck -> truck.version() == null || truck.version() < latest.version())
                .filter(truck -> !ordered.contains(truck.deviceId()))
                .forEach(truck -> pushTo(tenant, truck.deviceId(), order, CATCH_UP));
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
