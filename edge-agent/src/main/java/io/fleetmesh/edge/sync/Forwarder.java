package io.fleetmesh.edge.sync;

import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Sync up (ADR 0004): a durable consumer on the outbox; each message is published to the hub on the same subject
 * with its identity ({@code Fleet-Epoch}, {@code Fleet-Seq}, and {@code Nats-Msg-Id} for the hub's own
 * de-duplication), several readings of a subject together as one batch (ADR 0016), and acked locally only once the
 * hub has stored it. A batch is retried whole until the hub has
 * it all, so the forwarder never moves past a message the hub does not have.
 */
public final class Forwarder implements AutoCloseable {

    public static final String CONSUMER = "sync";
    private static final Logger log = Logger.getLogger(Forwarder.class.getName());
    private static final int BATCH = 2_000;
    private static final Duration LINGER = Duration.ofMillis(5);
    private static final Duration HUB_ACK_TIMEOUT = Duration.ofSeconds(5);
    // What a killed agent left unacknowledged comes back after this; it must outlast a batch's hub acks.
    private static final Duration ACK_WAIT = Duration.ofSeconds(15);
    private static final Duration STALL = Duration.ofSeconds(1);

    private final Connection local;
    private final Connection hub;
    private final String deviceId;
    private final SyncState state;
    private final Overflow overflow;
    private volatile boolean running;
    private Thread worker;

    public Forwarder(Connection local, Connection hub, String deviceId, SyncState state, Overflow overflow) {
        this.local = local;
        this.hub = hub;
        this.deviceId = deviceId;
        this.state = state;
        this.overflow = overflow;
    }

    public void start(long epoch) {
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
        OutboxCursor cursor = new OutboxCursor(freshConsumer());
        overflow.startAt(cursor.forwardedThrough());
        ConsumerContext context = local.getConsumerContext(Outbox.STREAM, CONSUMER);
        // Pull requests expire after 5 s, so after a leaf restart the client re-pulls within seconds.
        ConsumeOptions options = ConsumeOptions.builder().batchSize(BATCH * 2).expiresIn(5_000).build();
        try (IterableConsumer consumer = context.iterate(options)) {
            while (running) {
                List<Message> batch = inOrder(nextBatch(consumer, context), cursor);
                if (batch == null) {
                    return;
                }
                overflow.check();
                if (!batch.isEmpty() && deliver(batch, epoch)) {
                    cursor.forwarded(batch.get(batch.size() - 1).metaData().streamSequence());
                }
            }
        }
    }

    /**
     * Re-creates the durable consumer right after the last message the hub confirmed (acks go in order, so the
     * ack floor is exactly that). A consumer carried over from a killed agent would hold the messages it had
     * delivered until their ack-wait ran out, and hand out newer ones first: out of order. Returns the floor.
     */
    private long freshConsumer() throws Exception {
        JetStreamManagement jsm = local.jetStreamManagement();
        long floor = 0;
        try {
            ConsumerInfo existing = jsm.getConsumerInfo(Outbox.STREAM, CONSUMER);
            floor = existing.getAckFloor().getStreamSequence();
            if (existing.getNumAckPending() == 0) {
                // Nothing delivered and unacknowledged: reuse it. Deleting it every time raced with the delete
                // notice of the old pull ("409 Consumer Delete") and looped under load.
                return floor;
            }
            jsm.deleteConsumer(Outbox.STREAM, CONSUMER);
        } catch (JetStreamApiException noConsumerYet) {
            // a new truck: start from the beginning of the outbox
        }
        ConsumerConfiguration.Builder consumer = ConsumerConfiguration.builder().durable(CONSUMER)
                .ackPolicy(AckPolicy.Explicit).ackWait(ACK_WAIT).maxAckPending(BATCH * 4);
        if (floor > 0) {
            consumer.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(floor + 1);
        }
        jsm.addOrUpdateConsumer(Outbox.STREAM, consumer.build());
        return floor;
    }

    /**
     * The batch's messages to send, in outbox order; redeliveries of forwarded ones are acknowledged again. Null
     * (start over from the hub's position) when deliveries stalled or one arrived ahead of its turn.
     */
    private List<Message> inOrder(List<Message> batch, OutboxCursor cursor) {
        if (batch == null) {
            log.info("outbox deliveries stalled with messages pending: re-creating the sync consumer");
            return null;
        }
        List<Message> send = new ArrayList<>(batch.size());
        for (Message message : batch) {
            long seq = message.metaData().streamSequence();
            switch (cursor.step(seq, this::firstInOutbox)) {
                case FORWARD -> {
                    overflow.delivered(seq);
                    send.add(message);
                }
                case ALREADY_FORWARDED -> message.ack();
                case REPEATED -> { }
                case OUT_OF_ORDER -> {
                    log.info("outbox message " + seq + " arrived ahead of its turn: re-reading from "
                            + (cursor.forwardedThrough() + 1));
                    return null;
                }
            }
        }
        return send;
    }

    /** The outbox's first sequence; 0 if unknown, which makes any gap a reason to re-read (the safe side). */
    private long firstInOutbox() {
        try {
            return local.jetStreamManagement().getStreamInfo(Outbox.STREAM).getStreamState().getFirstSequence();
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * Publishes the batch until the hub has stored all of it, holding it (and telling the leaf it is in progress)
     * while the hub is away; then acks it locally, in order. Retries re-send what the hub may already have: its
     * Nats-Msg-Id de-duplication, and the identity key in PostgreSQL after that, drop the copies.
     */
    private boolean deliver(List<Message> batch, long epoch) {
        while (running) {
            awaitHub(batch);
            try {
                publish(batch, epoch);
                batch.forEach(Message::ack);
                state.forwarded(batch.size(), Instant.now());
                return true;
            } catch (Exception notStored) {
                log.warning("batch of " + batch.size() + " not stored by the hub, retrying: " + notStored);
                pause(Duration.ofSeconds(1));
            }
        }
        return false;
    }

    /** Readings of one subject go as batches when there are several (ADR 0016); the hub acknowledges each message. */
    private void publish(List<Message> batch, long epoch) throws Exception {
        JetStream hubJs = hub.jetStream();
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
        for (NatsMessage message : new Upstream(deviceId, epoch).of(outgoing(batch))) {
            acks.add(hubJs.publishAsync(message));
        }
        for (CompletableFuture<PublishAck> ack : acks) {
            ack.get(HUB_ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static List<Upstream.Outgoing> outgoing(List<Message> batch) {
        return batch.stream().map(message -> new Upstream.Outgoing(message.getSubject(),
                message.metaData().streamSequence(), message.getData())).toList();
    }

    /**
     * The next batch, or null when the leaf has messages for us but delivers none for a second: a pull request
     * that expired is sometimes re-issued only after the client's heartbeat alarm (seen as ~9 s stalls of single
     * trucks in the fleet benchmark). A fresh consumer at the ack floor loses and reorders nothing.
     */
    private List<Message> nextBatch(IterableConsumer consumer, ConsumerContext context) throws Exception {
        List<Message> batch = new ArrayList<>(BATCH);
        long idleSince = System.nanoTime();
        while (running && batch.isEmpty()) {
            Message first = consumer.nextMessage(Duration.ofMillis(500));
            if (first != null) {
                batch.add(first);
            } else if (System.nanoTime() - idleSince > STALL.toNanos()) {
                if (context.getConsumerInfo().getNumPending() > 0) {
                    return null;
                }
                idleSince = System.nanoTime();
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

    /** While the hub is away the batch stays pulled; in-progress acks stop the leaf from redelivering it. */
    private void awaitHub(List<Message> batch) {
        long lastProgress = System.nanoTime();
        while (running && hub.getStatus() != Connection.Status.CONNECTED) {
            if (System.nanoTime() - lastProgress > ACK_WAIT.toNanos() / 3) {
                batch.forEach(Message::inProgress);
                lastProgress = System.nanoTime();
            }
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
