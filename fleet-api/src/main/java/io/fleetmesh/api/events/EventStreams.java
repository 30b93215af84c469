package io.fleetmesh.api.events;

import io.fleetmesh.api.identity.CurrentTenant;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/events}: server-sent events of the caller's tenant ({@code event: alert|command|device},
 * data JSON). Live only: a client that reconnects reads what it missed from the lists.
 */
@RestController
class EventStreams {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final CurrentTenant tenant;
    private final Map<UUID, Set<SseEmitter>> clients = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    EventStreams(CurrentTenant tenant) {
        this.tenant = tenant;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() throws IOException {
        UUID tenantId = tenant.id();
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> mine = clients.computeIfAbsent(tenantId, key -> ConcurrentHashMap.newKeySet());
        mine.add(emitter);
        emitter.onCompletion(() -> mine.remove(emitter));
        emitter.onTimeout(() -> mine.remove(emitter));
        emitter.onError(error -> mine.remove(emitter));
        emitter.send(SseEmitter.event().comment("connected"));
        return emitter;
    }

    @EventListener
    void on(LiveEvent event) {
        for (SseEmitter emitter : clients.getOrDefault(event.tenantId(), Set.of())) {
            try {
                emitter.send(SseEmitter.event().id(Long.toString(ids.incrementAndGet())).name(event.kind())
                        .data(event.data(), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                emitter.completeWithError(gone);
            }
        }
    }
}
