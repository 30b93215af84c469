package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.StreamSetup;
import io.fleetmesh.api.mesh.TenantLink;
import io.fleetmesh.api.mesh.TenantLinked;
import io.nats.client.ConsumerContext;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.ConsumeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The durable pull consumer on each tenant's TELEMETRY stream (one worker per tenant link). It gathers a batch (up
 * to batchSize, or what arrived within linger), hands it to the {@link BatchProcessor} on one of its writer threads,
 * which acks only after the batch is committed. Every failure leads back to a fresh consumer after a pause: it never
 * stops for good while the application runs.
 */
@Component
class TelemetryIngest implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelemetryIngest.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final MeshLinks links;
    private final StreamSetup streams;
    private final BatchProcessor processor;
    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private final Map<UUID, Thread> workers = new HashMap<>();
    private volatile boolean running;

    TelemetryIngest(MeshLinks links, StreamSetup streams, BatchProcessor processor,
                    IngestProperties properties, IngestMetrics metrics) {
        this.links = links;
        this.streams = streams;
        this.processor = processor;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        running = true;
        links.all().forEach(this::startWorker);
    }

    /** A tenant linked while running (its account key appeared) gets its worker at once. */
    @EventListener
    synchronized void linked(TenantLinked linked) {
        if (running) {
            links.of(linked.tenant()).ifPresent(this::startWorker);
        }
    }

    private void startWorker(TenantLink link) {
        workers.computeIfAbsent(link.tenant(), tenant -> {
            Thread worker = new Thread(() -> run(link), "telemetry-ingest-" + tenant.toString().substring(0, 8));
            worker.start();
            return worker;
        });
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            for (Thread worker : workers.values()) {
                worker.join(30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.autoStartup();
    }

    private void run(TenantLink link) {
        while (running) {
            try {
                consume(link);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("telemetry ingest of tenant {} interrupted, retrying in {}: {}", link.tenant(), RETRY_PAUSE,
                        e.toString());
                pause();
            }
        }
    }

    private void consume(TenantLink link) throws Exception {
        Connection connection = link.connection();
        streams.ensureStreams(connection);
        long streamEpoch = streams.info(connection, HubStreams.TELEMETRY).getCreateTime().toInstant().toEpochMilli();
        ConsumerContext context = consumerContext(connection);
        // Pull requests expire after 5 s: a hub that restarted forgets them, and the client re-pulls within
        // seconds instead of the default 30. (Restarting the consumer on reconnect instead loses the messages
        // the hub delivers to the abandoned pull until their ack-wait.)
        ConsumeOptions options = ConsumeOptions.builder().batchSize(properties.batchSize() * properties.writers())
                .expiresIn(5_000).build();
        try (IterableConsumer iterable = context.iterate(options);
             ParallelBatches writers = new ParallelBatches(properties.writers())) {
            log.info("telemetry ingest consuming {} of tenant {} as {}", HubStreams.TELEMETRY, link.tenant(),
                    properties.durable());
            Progress progress = new Progress(link.tenant(), context, metrics);
            StallWatch stall = new StallWatch(context, properties.maxAckPending());
            while (running) {
                List<Message> batch = nextBatch(iterable);
                if (stall.stalled(!batch.isEmpty())) {
                    log.info("telemetry deliveries of tenant {} stalled with messages pending: pulling afresh", link.tenant());
                    break;
                }
                if (!batch.isEmpty()) {
                    writers.submit(() -> processor.process(link.tenant(), batch, streamEpoch));
                }
                writers.rethrowFailure();
                progress.report();
            }
            writers.close();
            releaseUnprocessed(iterable);
        }
    }

    private ConsumerContext consumerContext(Connection connection) throws Exception {
        connection.jetStreamManagement().addOrUpdateConsumer(HubStreams.TELEMETRY, ConsumerConfiguration.builder()
                .durable(properties.durable())
                .filterSubject(HubStreams.TELEMETRY_SUBJECTS)
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .ackWait(properties.ackWait())
                .maxAckPending(properties.maxAckPending())
                .build());
        return connection.getConsumerContext(HubStreams.TELEMETRY, properties.durable());
    }

    /** At most {@code batchSize} readings, counting a telemetry batch's readings (ADR 0016), or what came in the linger. */
    private List<Message> nextBatch(IterableConsumer iterable) throws Exception {
        List<Message> batch = new ArrayList<>();
        Message first = iterable.nextMessage(POLL);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        int readings = HubReadings.count(first);
        long deadline = System.nanoTime() + properties.linger().toNanos();
        while (readings < properties.batchSize()) {
            long waitMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            Message next = deadline > System.nanoTime() ? iterable.nextMessage(waitMillis) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
            readings += HubReadings.count(next);
        }
        return batch;
    }

    /** Hands back what was pulled but not written, so another replica gets it now rather than after ackWait. */
    private static void releaseUnprocessed(IterableConsumer iterable) throws Exception {
        iterable.stop();
        for (Message message = iterable.nextMessage(100); message != null; message = iterable.nextMessage(100)) {
            message.nak();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
