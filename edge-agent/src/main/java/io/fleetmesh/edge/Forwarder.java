package io.fleetmesh.edge;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Sync up (ADR 0004): a durable consumer on the outbox; each message is published to the hub on the same subject
 * with its identity ({@code Fleet-Epoch}, {@code Fleet-Seq}, and {@code Nats-Msg-Id} for the hub's own
 * de-duplication) and acked locally only once the hub has stored it. A batch stops at its first failure, and
 * whatever was pulled but not stored is handed back, so it stays in the outbox, in order, for the next attempt.
 * While the hub is unreachable nothing is pulled at all.
 */
final class Forwarder implements AutoCloseable {

    static final String CONSUMER = "sync";
    private static final Logger log = Logger.getLogger(Forwarder.class.getName());
    private static final int BATCH = 2_000;
    private static final Duration LINGER = Duration.ofMillis(5);
    private static final Duration HUB_ACK_TIMEOUT = Duration.ofSeconds(5);
    // What a killed agent left unacknowledged comes back after this; it must outlast a batch's hub acks.
    private static final Duration ACK_WAIT = Duration.ofSeconds(15);

    private final Connection local;
    private final Connection hub;
    private final String deviceId;
    private final SyncState state;
    private final Overflow overflow;
    private final AtomicBoolean localReconnected = new AtomicBoolean();
    private volatile boolean running;
    private Thread worker;

    Forwarder(Connection local, Connection hub, String deviceId, SyncState state, Overflow overflow) {
        this.local = local;
        this.hub = hub;
        this.deviceId = deviceId;
        this.state = state;
        this.overflow = overflow;
    }

    void start(long epoch) {
        // A restarted leaf forgets our pull requests: take a fresh consumer at once instead of waiting for the
        // client's heartbeat alarm.
        local.addConnectionListener((connection, event) -> {
            if (event == ConnectionListener.Events.RECONNECTED) {
                localReconnected.set(true);
            }
        });
        running = true;
        worker = new Thread(() -> run(epoch), "sync-forwarder");
        worker.start();
    }

    private void run(long epoch) {
        while (running) {
            try {
                forward(epoch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warning("sync interrupted, retrying: " + e);
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void forward(long epoch) throws Exception {
        localReconnected.set(false);
        awaitHub();
        local.jetStreamManagement().addOrUpdateConsumer(Outbox.STREAM, ConsumerConfiguration.builder()
                .durable(CONSUMER).ackPolicy(AckPolicy.Explicit).ackWait(ACK_WAIT)
                .maxAckPending(BATCH * 4).build());
        var context = local.getConsumerContext(Outbox.STREAM, CONSUMER);
        overflow.syncedThrough(context.getConsumerInfo().getAckFloor().getStreamSequence());
        JetStream hubJs = hub.jetStream();
        ConsumeOptions options = ConsumeOptions.builder().batchSize(BATCH * 2).expiresIn(5_000).build();
        try (IterableConsumer consumer = context.iterate(options)) {
            try {
                while (running && hub.getStatus() == Connection.Status.CONNECTED && !localReconnected.get()) {
                    List<Message> batch = nextBatch(consumer);
                    overflow.check();
                    publish(hubJs, batch, epoch);
                }
            } finally {
                release(consumer);
            }
        }
    }

    /** Publishes in order, pipelined; acks each message once the hub has stored it, stops at the first failure. */
    private void publish(JetStream hubJs, List<Message> batch, long epoch) throws Exception {
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(batch.size());
        for (Message message : batch) {
            acks.add(hubJs.publishAsync(upstream(message, epoch)));
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(HUB_ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notStored) {
                batch.subList(i, batch.size()).forEach(Message::nak);
                throw notStored;
            }
            batch.get(i).ack();
            overflow.syncedThrough(batch.get(i).metaData().streamSequence());
        }
        state.forwarded(batch.size(), Instant.now());
    }

    /** Hands back what was pulled but not forwarded, so the next consumer gets it at once and in order. */
    private static void release(IterableConsumer consumer) throws Exception {
        consumer.stop();
        for (Message message = consumer.nextMessage(50); message != null; message = consumer.nextMessage(50)) {
            message.nak();
        }
    }

    private NatsMessage upstream(Message message, long epoch) {
        long seq = message.metaData().streamSequence();
        Headers headers = new Headers()
                .put("Fleet-Epoch", Long.toString(epoch))
                .put("Fleet-Seq", Long.toString(seq))
                .put("Nats-Msg-Id", deviceId + ":" + epoch + ":" + seq);
        return NatsMessage.builder().subject(message.getSubject()).headers(headers).data(message.getData()).build();
    }

    private List<Message> nextBatch(IterableConsumer consumer) throws Exception {
        List<Message> batch = new ArrayList<>(BATCH);
        while (running && batch.isEmpty()) {
            Message first = consumer.nextMessage(Duration.ofMillis(500));
            if (first != null) {
                batch.add(first);
            }
        }
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (batch.size() < BATCH && System.nanoTime() < deadline) {
            Message next = consumer.nextMessage(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void awaitHub() {
        while (running && hub.getStatus() != Connection.Status.CONNECTED) {
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.join(15_000);
        }
    }
}
