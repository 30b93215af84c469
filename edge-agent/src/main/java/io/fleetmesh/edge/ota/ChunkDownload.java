package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.PackageOrder;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Fetches a package's chunks from the truck's pull consumer on the hub (ADR 0013) over the agent's own hub
 * connection, into the spool: pulls of 16, the next one sent when half of the last is still to come (what reached
 * the link's floor when measured). Each chunk is acknowledged once it is on disk. After a drop it simply pulls
 * again: the consumer keeps its place, and chunks in flight come back after its ack wait.
 */
final class ChunkDownload {

    private static final int BATCH = 16;
    private static final Duration PULL_EXPIRES = Duration.ofSeconds(5);

    private final Connection hub;
    private final ChunkSpool spool;
    private final PackageOrder order;
    private final Duration silence;

    ChunkDownload(Connection hub, ChunkSpool spool, PackageOrder order, Duration silence) {
        this.hub = hub;
        this.spool = spool;
        this.order = order;
        this.silence = silence;
    }

    /** How a download ended: every chunk held, stopped by the agent, past the deadline, or no answer from the hub. */
    enum Result { WHOLE, STOPPED, PAST_DEADLINE, SILENT }

    /**
     * Until the spool holds every chunk, {@code go} turns false, the install deadline passes, or the hub sends no
     * chunk for {@code silence} while the truck is connected (its consumer was withdrawn: the rollout ended).
     * {@code progress} gets the bytes held after each new chunk.
     */
    Result run(BooleanSupplier go, LongConsumer progress) throws Exception {
        // fastBind: a device may not look up consumers; it may only pull and ack its own
        JetStreamSubscription pulls = hub.jetStream().subscribe(null,
                PullSubscribeOptions.fastBind(PackageOrder.STREAM, order.consumer()));
        try {
            return fetch(pulls, go, progress);
        } finally {
            pulls.unsubscribe();
        }
    }

    private Result fetch(JetStreamSubscription pulls, BooleanSupplier go, LongConsumer progress) throws Exception {
        Held held = new Held(spool.count(), spool.bytes());
        int coming = 0;
        long pulledAt = 0;
        long silentNanos = 0;
        while (held.chunks < order.chunks()) {
            if (!go.getAsBoolean()) {
                return Result.STOPPED;
            }
            if (!Instant.now().isBefore(order.installBy())) {
                return Result.PAST_DEADLINE;
            }
            if (silentNanos > silence.toNanos()) {
                return Result.SILENT;
            }
            if (System.nanoTime() - pulledAt > PULL_EXPIRES.toNanos()) {
                coming = 0; // the pulls sent so far have expired, or were lost with the link
            }
            if (coming <= BATCH / 2) {
                pulls.pullExpiresIn(BATCH, PULL_EXPIRES);
                coming += BATCH;
                pulledAt = System.nanoTime();
            }
            long waited = System.nanoTime();
            Message chunk = pulls.nextMessage(Duration.ofSeconds(1));
            if (chunk != null) {
                coming--;
                silentNanos = 0;
                keep(chunk, held, progress);
            } else if (hub.getStatus() == Connection.Status.CONNECTED) {
                silentNanos += System.nanoTime() - waited; // out of coverage, silence says nothing
            }
        }
        return Result.WHOLE;
    }

    private void keep(Message chunk, Held held, LongConsumer progress) throws Exception {
        long sequence = chunk.metaData().streamSequence();
        if (!spool.has(sequence)) {
            spool.put(sequence, chunk.getData());
            held.chunks++;
            held.bytes += chunk.getData().length;
            progress.accept(held.bytes);
        }
        chunk.ack();
    }

    /** What the spool holds, counted as chunks arrive rather than listed again each time. */
    private static final class Held {
        long chunks;
        long bytes;

        Held(long chunks, long bytes) {
            this.chunks = chunks;
            this.bytes = bytes;
        }
    }
}
