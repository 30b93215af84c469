package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/devices/{id}/telemetry/live}: the device's readings as they reach the hub, as server-sent
 * events ({@code event: reading}, data {@code {ts, channel, metrics}}), checked like ingest checks them. A watcher
 * costs a subscription on the tenant's account while it watches, nothing on the ingest path; whichever replica
 * serves it sees every reading. A reading can come twice (straight from the truck's leaf and by its sync), and a
 * backlog arrives after newer ones: the page keeps the newest per channel.
 */
@RestController
class LiveReadings {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int PENDING_MESSAGES = 1000;
    private static final Duration FLUSH = Duration.ofSeconds(2);

    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final MeshLinks links;
    private final ReadingDecoder decoder;
    private final Clock clock;
    private final Set<SseEmitter> watchers = ConcurrentHashMap.newKeySet();

    LiveReadings(DeviceDirectory directory, CurrentTenant tenant, MeshLinks links, IngestProperties ingest,
                 TelemetryProperties telemetry, Clock clock) {
        this.directory = directory;
        this.tenant = tenant;
        this.links = links;
        this.decoder = new ReadingDecoder(ingest.maxPayloadBytes(), telemetry.retention(), telemetry.maxClockSkew());
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/devices/{deviceId}/telemetry/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String deviceId) throws IOException {
        UUID tenantId = tenant.id();
        directory.requireRegistered(tenantId, deviceId);
        TenantLink link = links.of(tenantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "The hub is not reachable from this replica; live readings are not available."));
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        // the dispatcher is this watcher's own sender: a watcher that stops reading drops its own readings only
        Dispatcher dispatcher = link.connection().createDispatcher(message -> forward(emitter, message));
        dispatcher.setPendingLimits(PENDING_MESSAGES, -1);
        dispatcher.subscribe("fleet." + deviceId + ".telemetry.>");
        flushed(link);
        watchers.add(emitter);
        Runnable gone = () -> {
            watchers.remove(emitter);
            link.connection().closeDispatcher(dispatcher);
        };
        emitter.onCompletion(gone);
        emitter.onTimeout(gone);
        emitter.onError(error -> gone.run());
        emitter.send(SseEmitter.event().comment("watching " + deviceId));
        return emitter;
    }

    /** The hub has the subscription before the watcher is told it watches: nothing after that is missed. */
    private static void flushed(TenantLink link) {
        try {
            link.connection().flush(FLUSH);
        } catch (TimeoutException | InterruptedException e) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The hub did not confirm the subscription.");
        }
    }

    /** Long-lived responses would hold a graceful shutdown for its whole timeout: they end first. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        watchers.forEach(SseEmitter::complete);
    }

    private void forward(SseEmitter emitter, Message message) {
        IncomingMessage incoming = new IncomingMessage(message.getSubject(), message.getData(), null, null, 0, 0);
        if (decoder.decode(incoming, clock.instant()) instanceof Reading reading) {
            try {
                emitter.send(SseEmitter.event().name("reading").data(json(reading)));
            } catch (IOException | IllegalStateException gone) {
                emitter.completeWithError(gone);
            }
        }
    }

    /** The decoder's metrics are JSON already, its channel and time plain tokens. */
    private static String json(Reading reading) {
        return "{\"ts\":\"" + reading.ts() + "\",\"channel\":\"" + reading.channel() + "\",\"metrics\":"
                + reading.metricsJson() + "}";
    }
}
