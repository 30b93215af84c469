package io.fleetmesh.api.events;

import io.fleetmesh.api.identity.CurrentTenant;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/events}: server-sent events of the caller's tenant ({@code event: alert|command|device},
 * data JSON). Live only: a client that reconnects reads what it missed from the lists. Each client has its own
 * sender and a queue of {@value #QUEUE} events, so one that stops reading never delays the others: when its queue is
 * full it is disconnected.
 */
@RestController
class EventStreams {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int QUEUE = 1000;

    /** One connected client: its emitter and its own sender thread. */
    private record Client(SseEmitter emitter, ThreadPoolExecutor sender) {

        void close() {
            sender.shutdownNow();
        }
    }

    private final CurrentTenant tenant;
    private final Map<UUID, Set<Client>> clients = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    EventStreams(CurrentTenant tenant) {
        this.tenant = tenant;
    }

    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() throws IOException {
        Set<Client> mine = clients.computeIfAbsent(tenant.id(), key -> ConcurrentHashMap.newKeySet());
        Client client = new Client(new SseEmitter(TIMEOUT.toMillis()), new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), task -> new Thread(task, "sse-client")));
        mine.add(client);
        Runnable gone = () -> {
            mine.remove(client);
            client.close();
        };
        client.emitter().onCompletion(gone);
        client.emitter().onTimeout(gone);
        client.emitter().onError(error -> gone.run());
        client.emitter().send(SseEmitter.event().comment("connected"));
        return client.emitter();
    }

    /** Long-lived responses would hold a graceful shutdown for its whole timeout: they end first. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        clients.values().forEach(tenantClients -> tenantClients.forEach(client -> client.emitter().complete()));
    }

    @EventListener
    void on(LiveEvent event) {
        String id = Long.toString(ids.incrementAndGet());
        for (Client client : clients.getOrDefault(event.tenantId(), Set.of())) {
            try {
                // a builder per client: building one changes it
                client.sender().execute(() -> send(client, SseEmitter.event().id(id).name(event.kind())
                        .data(event.data(), MediaType.APPLICATION_JSON)));
            } catch (RejectedExecutionException tooSlow) {
                client.emitter().complete();
            }
        }
    }

    private static void send(Client client, SseEmitter.SseEventBuilder sse) {
        try {
            client.emitter().send(sse);
        } catch (IOException | IllegalStateException gone) {
            client.emitter().completeWithError(gone);
        }
    }
}
