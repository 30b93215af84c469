package io.fleetmesh.api.events;

import io.fleetmesh.api.alerts.AlertEvents;
import io.fleetmesh.api.alerts.AlertState;
import io.fleetmesh.api.commands.CommandEvents;
import io.fleetmesh.api.devices.DeviceImportProgressed;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import io.fleetmesh.api.mesh.TenantLinked;
import io.fleetmesh.api.telemetry.IngestRateSampled;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns committed changes (command transitions, alerts, devices going offline and coming back) into live events
 * and spreads them to every replica over the tenant's NATS account ({@code fleet-api.events}, core NATS: live, not
 * buffered), where each replica hands them to its own SSE clients and webhooks as {@link LiveEvent}s.
 */
@Component
class LiveEvents {

    static final String SUBJECT = "fleet-api.events";
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final MeshLinks links;
    private final ApplicationEventPublisher events;
    /** The link each tenant's events are heard on: links made anew (their lifecycle restarted) are listened to anew. */
    private final Map<UUID, TenantLink> listening = new ConcurrentHashMap<>();

    LiveEvents(MeshLinks links, ApplicationEventPublisher events) {
        this.links = links;
        this.events = events;
    }

    @EventListener
    void linked(TenantLinked linked) {
        links.of(linked.tenant()).ifPresent(this::listen);
    }

    private void listen(TenantLink link) {
        listening.compute(link.tenant(), (tenant, heard) -> {
            if (!link.equals(heard)) {
                Dispatcher dispatcher = link.connection().createDispatcher(message -> received(tenant, message));
                dispatcher.subscribe(SUBJECT);
            }
            return link;
        });
    }

    private void received(UUID tenant, Message message) {
        JsonNode event = json.readTree(message.getData());
        events.publishEvent(new LiveEvent(tenant, event.get("kind").stringValue(), event.get("data")));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void command(CommandEvents.CommandTransitioned transitioned) {
        spread(transitioned.tenantId(), "command", json.valueToTree(transitioned));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void alert(AlertEvents.AlertChanged changed) {
        spread(changed.tenantId(), "alert", json.valueToTree(changed));
        if (changed.ruleId().equals("device-offline") && changed.count() == 1) {
            ObjectNode device = json.createObjectNode().put("deviceId", changed.deviceId())
                    .put("online", changed.state() == AlertState.RESOLVED).put("at", changed.lastRaisedAt().toString());
            spread(changed.tenantId(), "device", device);
        }
    }

    /** The import may run on another replica than the one serving the page that shows its progress. */
    @EventListener
    void imported(DeviceImportProgressed progressed) {
        spread(progressed.tenantId(), "import", json.valueToTree(progressed));
    }

    /** Each replica samples the rate itself, so it reaches only this replica's clients. */
    @EventListener
    void ingestRate(IngestRateSampled sampled) {
        events.publishEvent(new LiveEvent(sampled.tenantId(), "ingest",
                json.createObjectNode().put("readingsPerSecond", sampled.readingsPerSecond())));
    }

    private void spread(UUID tenant, String kind, JsonNode data) {
        ObjectNode event = json.createObjectNode().put("kind", kind);
        event.set("data", data);
        links.of(tenant).ifPresentOrElse(link -> link.connection().publish(SUBJECT, json.writeValueAsBytes(event)), () -> {
            log.debug("tenant {} has no mesh link; its live event stays on this replica", tenant);
            events.publishEvent(new LiveEvent(tenant, kind, data));
        });
    }
}
