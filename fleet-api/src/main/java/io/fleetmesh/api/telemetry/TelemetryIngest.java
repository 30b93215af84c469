package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.StreamSetup;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The durable pull consumer on the hub's TELEMETRY stream. It gathers a batch (up to batchSize, or what arrived
 * within linger), hands it to the {@link BatchProcessor} on one of its writer threads, which acks only after the
 * batch is committed. Every
 * failure leads back to a fresh consumer after a pause: it never stops for good while the application runs.
 */
@Component
class TelemetryIngest implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelemetryIngest.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final Connection connection;
    private final StreamSetup streams;
    private final BatchProcessor processor;
    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private volatile boolean running;
    private Thread worker;

    TelemetryIngest(Connection connection, StreamSetup streams, BatchProcessor processor,
                    IngestProperties properties, IngestMetrics metrics) {
        this.connection = connection;
        this.streams = streams;
        this.processor = processor;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::run, "telemetry-ingest");
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.autoStartup();
    }

    private void run() {
        while (running) {
            try {
                consume();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("telemetry ingest interrupted, retrying in {}: {}", RETRY_PAUSE, e.toString());
                pause();
            }
        }
    }

    private void consume() throws Exception {
        streams.ensureStreams();
        long streamEpoch = streams.info(HubStreams.TELEMETRY).getCreateTime().toInstant().toEpochMilli();
        ConsumerContext context = consumerContext();
        // Pull requests expire after 5 s: a hub that restarted forgets them, and the client re-pulls within
        // seconds instead of the default 30. (Restarting the consumer on reconnect instead loses the messages
        // the hub delivers to the abandoned pull until their ack-wait.)
        ConsumeOptions options = ConsumeOptions.builder().batchSize(properties.batchSize() * properties.writers())
                .expiresIn(5_000).build();
        try (IterableConsumer iterable = context.iterate(options);
             ParallelBatches writers = new ParallelBatches(properties.writers())) {
            log.info("telemetry ingest consuming {} as {}", HubStreams.TELEMETRY, properties.durable());
            Progress progress = new Progress(context, metrics);
            while (running) {
                List<Message> batch = nextBatch(iterable);
                if (!batch.isEmpty()) {
                    writers.submit(() -> processor.process(batch, streamEpoch));
                }
                writers.rethrowFailure();
                progress.report();
            }
            writers.close();
            releaseUnprocessed(iterable);
        }
    }

    private ConsumerContext consumerContext() throws Exception {
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

    private List<Message> nextBatch(IterableConsumer iterable) throws Exception {
        List<Message> batch = new ArrayList<>(properties.batchSize());
        Message first = iterable.nextMessage(POLL);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = System.nanoTime() + properties.linger().toNanos();
        while (batch.size() < properties.batchSize()) {
            long waitMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            Message next = deadline > System.nanoTime() ? iterable.nextMessage(waitMillis) : null;
            if (next == null) {
                break;
            }
            batch.add(next);
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
