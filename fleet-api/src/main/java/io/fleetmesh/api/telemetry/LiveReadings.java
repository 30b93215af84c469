package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import io.fleetmesh.api.web.Refuses;
import io.fleetmesh.protocol.MalformedMessage;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private static final int MAX_WATCHERS = 200;
    private static final String TOO_MANY = "Too many live readings watched at once on this replica for this tenant ("
            + MAX_WATCHERS + ").";
    private static final String NO_HUB = "The hub is not reachable from this replica; live readings are not available.";

    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final MeshLinks links;
    private final ReadingDecoder decoder;
    private final Clock clock;
    private final Map<UUID, Set<Watcher>> watchers = new ConcurrentHashMap<>();

    LiveReadings(DeviceDirectory directory, CurrentTenant tenant, MeshLinks links, IngestProperties ingest,
                 TelemetryProperties telemetry, Clock clock) {
        this.directory = directory;
        this.tenant = tenant;
        this.links = links;
        this.decoder = ReadingDecoder.of(ingest, telemetry);
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/devices/{deviceId}/telemetry/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Refuses(status = 429, detail = TOO_MANY)
    @Refuses(status = 503, detail = NO_HUB)
    SseEmitter live(@PathVariable String deviceId) throws IOException {
        UUID tenantId = tenant.id();
        directory.requireRegistered(tenantId, deviceId);
        TenantLink link = links.of(tenantId).orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, NO_HUB));
        Set<Watcher> mine = watchers.computeIfAbsent(tenantId, key -> ConcurrentHashMap.newKeySet());
        if (mine.size() >= MAX_WATCHERS) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, TOO_MANY);
        }
        Watcher watcher = watch(link, deviceId, mine);
        watcher.emitter().send(SseEmitter.event().comment("watching " + deviceId));
        return watcher.emitter();
    }

    /** Subscribed and flushed to the hub before the watcher is told it watches: nothing after that is missed. */
    private Watcher watch(TenantLink link, String deviceId, Set<Watcher> mine) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        // the dispatcher is this watcher's own sender: a watcher that stops reading drops its own readings only
        Dispatcher dispatcher = link.connection().createDispatcher(message -> forward(emitter, message));
        Watcher watcher = new Watcher(emitter, link, dispatcher, mine);
        mine.add(watcher);
        emitter.onCompletion(watcher::close);
        emitter.onTimeout(watcher::close);
        emitter.onError(error -> watcher.close());
        dispatcher.setPendingLimits(PENDING_MESSAGES, -1);
        dispatcher.subscribe(Subjects.telemetryOf(deviceId));
        try {
            link.connection().flush(FLUSH);
        } catch (TimeoutException | InterruptedException e) {
            watcher.close();
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The hub did not confirm the subscription.");
        }
        return watcher;
    }

    /**
     * One watching client: its stream, its subscription; closed once, whichever way it ends. A class, not a record:
     * it is kept in a set that it refers to, so it must be equal only to itself.
     */
    private static final class Watcher {

        private final SseEmitter emitter;
        private final TenantLink link;
        private final Dispatcher dispatcher;
        private final Set<Watcher> of;
        private final AtomicBoolean closed = new AtomicBoolean();

        Watcher(SseEmitter emitter, TenantLink link, Dispatcher dispatcher, Set<Watcher> of) {
            this.emitter = emitter;
            this.link = link;
            this.dispatcher = dispatcher;
            this.of = of;
        }

        SseEmitter emitter() {
            return emitter;
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                of.remove(this);
                try {
                    link.connection().closeDispatcher(dispatcher);
                } catch (IllegalStateException | IllegalArgumentException connectionClosing) {
                    // the connection is closing, or already took the dispatcher with it
                }
            }
        }
    }

    /** Long-lived responses would hold a graceful shutdown for its whole timeout: they end first. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        watchers.values().forEach(tenantWatchers -> tenantWatchers.forEach(watcher -> watcher.emitter().complete()));
    }

    /** Each reading of a telemetry batch too (ADR 0016); a batch that is not one shows nothing, as a bad reading. */
    private void forward(SseEmitter emitter, Message message) {
        try {
            for (IncomingMessage incoming : HubReadings.of(message, 0, 0)) {
                if (decoder.decode(incoming, clock.instant()) instanceof Reading reading) {
                    emitter.send(SseEmitter.event().name("reading").data(json(reading)));
                }
            }
        } catch (MalformedMessage notABatch) {
            // quarantined by ingest, which reads the same message from the stream
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }

    /** The decoder's metrics are JSON already, its channel and time plain tokens. */
    private static String json(Reading reading) {
        return "{\"ts\":\"" + reading.ts() + "\",\"channel\":\"" + reading.channel() + "\",\"metrics\":"
                + reading.metricsJson() + "}";
    }
}
