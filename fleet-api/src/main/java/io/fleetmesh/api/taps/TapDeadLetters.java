package io.fleetmesh.api.taps;

import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import io.fleetmesh.api.mesh.TenantLinked;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Taps' dead letters. The hub announces every message a consumer gave up on (max deliveries reached, or terminated
 * by the reader) as an advisory; a stream in each tenant account keeps those advisories, so none is lost while
 * fleet-api is down, and a durable consumer per tenant, shared by its replicas, records each against its tap, once.
 * (Per tenant, not one for all: on an open hub every tenant's advisories share one stream, and a replica must see
 * every advisory its tenant's taps cause, never lose one to a replica serving another tenant.)
 */
@Component
class TapDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(TapDeadLetters.class);
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String DURABLE = "fleet-api-tap-dead-letters-";
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final MeshLinks links;
    private final TapStore store;
    private final TapMonitor monitor;
    private final Clock clock;
    /** The link each tenant is followed on: a new link (a new connection: fleet-api's links restarted) anew. */
    private final Map<UUID, TenantLink> subscribed = new ConcurrentHashMap<>();

    TapDeadLetters(MeshLinks links, TapStore store, TapMonitor monitor, Clock clock) {
        this.links = links;
        this.store = store;
        this.monitor = monitor;
        this.clock = clock;
    }

    /** Every link not followed yet (a tenant linked since, links made anew, or a hub that was unreachable). */
    @Scheduled(initialDelay = 0, fixedDelay = 5_000)
    void subscribeAll() {
        links.all().forEach(this::subscribe);
    }

    @EventListener
    void linked(TenantLinked linked) {
        links.of(linked.tenant()).ifPresent(this::subscribe);
    }

    private synchronized void subscribe(TenantLink link) {
        if (link.equals(subscribed.get(link.tenant()))) {
            return;
        }
        Connection connection = link.connection();
        Dispatcher dispatcher = null;
        try {
            ensureStream(connection.jetStreamManagement());
            dispatcher = connection.createDispatcher();
            String durable = DURABLE + link.tenant();
            connection.jetStream().subscribe(null, durable, dispatcher, message -> handle(link, message), false,
                    subscription(durable));
            subscribed.put(link.tenant(), link);
        } catch (Exception e) {
            if (dispatcher != null) {
                connection.closeDispatcher(dispatcher);
            }
            log.warn("taps' dead letters of tenant {} not followed yet: {}", link.tenant(), e.toString());
        }
    }

    private static PushSubscribeOptions subscription(String durable) {
        return PushSubscribeOptions.builder().stream(HubStreams.DEAD_LETTER_ADVISORIES).durable(durable)
                .deliverGroup(durable).configuration(ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit)
                        .ackWait(Duration.ofSeconds(30)).maxDeliver(-1).build()).build();
    }

    private static void ensureStream(JetStreamManagement jsm) throws Exception {
        StreamConfiguration config = StreamConfiguration.builder().name(HubStreams.DEAD_LETTER_ADVISORIES)
                .subjects(HubStreams.MAX_DELIVERIES, HubStreams.TERMINATED).storageType(StorageType.File)
                .maxAge(Duration.ofDays(7)).build();
        if (!jsm.getStreamNames().contains(config.getName())) {
            jsm.addStream(config);
        }
    }

    /**
     * One unreadable advisory is logged and acknowledged: it never holds up the others; so is one naming no tap of
     * this tenant (another tenant's, on an open hub, or a tap deleted since). One the database could not record goes
     * back and comes again.
     */
    private void handle(TenantLink link, Message message) {
        try {
            JsonNode advisory = json.readTree(message.getData());
            String consumer = advisory.path("consumer").asString("");
            String prefix = HubStreams.tapConsumer("");
            if (consumer.startsWith(prefix)) {
                store.find(link.tenant(), consumer.substring(prefix.length()))
                        .ifPresent(tap -> record(link, tap, advisory, message.getSubject()));
            }
        } catch (DataAccessException e) {
            log.warn("a dead letter of tenant {} not recorded yet: {}", link.tenant(), e.toString());
            message.nakWithDelay(RETRY);
            return;
        } catch (RuntimeException e) {
            log.warn("a dead-letter advisory of tenant {} was not readable, dropped: {}", link.tenant(), e.toString());
        }
        message.ack();
    }

    private void record(TenantLink link, Tap tap, JsonNode advisory, String subject) {
        long sequence = advisory.path("stream_seq").asLong();
        String reason = subject.startsWith("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.") ? "max-deliveries" : "terminated";
        DeadLetter letter = new DeadLetter(sequence, reason, advisory.path("deliveries").asInt(),
                originalSubject(link, tap, sequence), clock.instant());
        if (store.recordDeadLetter(tap.tenant(), tap.name(), letter)) {
            monitor.deadLetter(tap);
            log.warn("tap {} of tenant {}: stream sequence {} is a dead letter ({}, {} deliveries)", tap.name(),
                    tap.tenant(), sequence, reason, letter.deliveries());
        }
    }

    private static String originalSubject(TenantLink link, Tap tap, long sequence) {
        try {
            return link.connection().jetStreamManagement().getMessage(tap.stream(), sequence).getSubject();
        } catch (Exception e) {
            return null;
        }
    }
}
