package io.fleetmesh.api.mesh;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Durable push consumers on the EVENTS stream of every tenant link, in a queue group so replicas share them:
 * features register a handler for their subjects (status heartbeats, command reports, alerts); each message is
 * handed over with the tenant it came from, and acked after the handler returns. A handler that throws gets the
 * message again a little later; one that cannot use a message quarantines it and returns.
 */
@Component
public class EventSubscriptions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventSubscriptions.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** Handles one message of a tenant's events. */
    public interface Handler {
        void handle(UUID tenant, Message message) throws Exception;
    }

    private record Registration(String durable, String subjects, Handler handler) {
    }

    private final MeshLinks links;
    private final StreamSetup streams;
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<String, Dispatcher> dispatchers = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService retries;

    EventSubscriptions(MeshLinks links, StreamSetup streams) {
        this.links = links;
        this.streams = streams;
    }

    /** Before the application starts: from a feature's constructor. */
    public void register(String durable, String subjects, Handler handler) {
        registrations.add(new Registration(durable, subjects, handler));
    }

    @Override
    public synchronized void start() {
        retries = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "event-subscriptions"));
        links.all().forEach(this::subscribeAll);
    }

    @EventListener
    synchronized void linked(TenantLinked linked) {
        if (isRunning()) {
            links.of(linked.tenant()).ifPresent(this::subscribeAll);
        }
    }

    private void subscribeAll(TenantLink link) {
        retries.execute(() -> subscribeAllNow(link));
    }

    /**
     * The link's streams once, then every registration not subscribed yet; retries what failed while the hub is
     * unreachable. Once subscribed, the client follows reconnects itself.
     */
    private void subscribeAllNow(TenantLink link) {
        try {
            streams.ensureStreams(link.connection());
        } catch (Exception e) {
            retry(link, e);
            return;
        }
        for (Registration registration : registrations) {
            try {
                subscribe(link, registration);
            } catch (Exception e) {
                retry(link, e);
                return;
            }
        }
    }

    private void retry(TenantLink link, Exception e) {
        log.warn("event consumers of tenant {} not all subscribed yet, retrying: {}", link.tenant(), e.toString());
        retries.schedule(() -> subscribeAllNow(link), RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void subscribe(TenantLink link, Registration registration) throws Exception {
        Connection connection = link.connection();
        String key = link.tenant() + "/" + registration.durable();
        if (dispatchers.containsKey(key)) {
            return;
        }
        Dispatcher dispatcher = connection.createDispatcher();
        try {
            connection.jetStream().subscribe(registration.subjects(), registration.durable(), dispatcher,
                    message -> deliver(link.tenant(), registration, message), false, options(registration));
            dispatchers.put(key, dispatcher);
            log.info("consuming {} of tenant {} as {}", registration.subjects(), link.tenant(), registration.durable());
        } catch (Exception e) {
            connection.closeDispatcher(dispatcher);
            throw e;
        }
    }

    private static PushSubscribeOptions options(Registration registration) {
        return PushSubscribeOptions.builder().stream(HubStreams.EVENTS).durable(registration.durable())
                .deliverGroup(registration.durable())
                .configuration(ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit)
                        .filterSubject(registration.subjects()).ackWait(Duration.ofSeconds(30)).build())
                .build();
    }

    private static void deliver(UUID tenant, Registration registration, Message message) {
        try {
            registration.handler().handle(tenant, message);
            message.ack();
        } catch (Exception e) {
            // handlers quarantine bad input themselves: what throws is the platform (PostgreSQL away), so retry
            log.warn("{} could not handle {} (again in {}): {}", registration.durable(), message.getSubject(), RETRY,
                    e.toString());
            message.nakWithDelay(RETRY);
        }
    }

    @Override
    public synchronized void stop() {
        retries.shutdownNow();
        dispatchers.forEach((key, dispatcher) -> links.of(UUID.fromString(key.substring(0, 36)))
                .ifPresent(link -> link.connection().closeDispatcher(dispatcher)));
        dispatchers.clear();
    }

    @Override
    public boolean isRunning() {
        return retries != null && !retries.isShutdown();
    }
}
