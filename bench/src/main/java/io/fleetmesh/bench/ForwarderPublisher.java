package io.fleetmesh.bench;

import io.fleetmesh.edge.sync.Upstream;
import io.fleetmesh.protocol.TelemetryBatch;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Publishes as a truck's forwarder does (ADR 0016): readings queue up as in an outbox; a loop takes what has queued
 * (waiting {@link #LINGER_MILLIS} after the first, at most {@link #BATCH}), sends each subject's readings of it as
 * telemetry batches (a lone reading as a single message with its identity headers), built by the forwarder's own
 * {@link Upstream}, and takes the next only once the hub acknowledged all of them. So batches grow when the hub lags
 * and a live trickle goes single, as on a truck.
 */
final class ForwarderPublisher implements LoadGenerator.Publisher {

    private static final int BATCH = 2_000;
    private static final long LINGER_MILLIS = 5;

    private record Queued(Upstream.Outgoing outgoing, String device, CompletableFuture<Void> acked) {
    }

    private final BlockingQueue<Queued> outbox = new LinkedBlockingQueue<>();
    private final TelemetryWorkload workload;
    private final Connection connection;
    private final JetStream js;
    private final long epoch;
    private final Thread loop;
    private volatile boolean running = true;

    ForwarderPublisher(TelemetryWorkload workload, Connection connection, long epoch) throws Exception {
        this.workload = workload;
        this.connection = connection;
        this.js = connection.jetStream();
        this.epoch = epoch;
        this.loop = new Thread(this::forward, "bench-forwarder");
        loop.start();
    }

    @Override
    public CompletableFuture<?> send(int i, long stampMillis) {
        Queued reading = new Queued(new Upstream.Outgoing(workload.subject(i), i + 1L, workload.livePayload(i, stampMillis)),
                workload.deviceOf(i), new CompletableFuture<>());
        outbox.add(reading);
        return reading.acked();
    }

    private void forward() {
        while (running) {
            try {
                List<Queued> batch = nextBatch();
                if (!batch.isEmpty()) {
                    publish(batch);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<Queued> nextBatch() throws InterruptedException {
        List<Queued> batch = new ArrayList<>();
        Queued first = outbox.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        // What has queued now, then, unless the batch is full, what queued during the linger: one wake-up per batch
        // where polling for each reading woke this thread for every one of them.
        outbox.drainTo(batch, BATCH - batch.size());
        if (batch.size() < BATCH) {
            TimeUnit.MILLISECONDS.sleep(LINGER_MILLIS);
            outbox.drainTo(batch, BATCH - batch.size());
        }
        return batch;
    }

    /** Every hub message of the batch, then waits for all their acks, as the forwarder does before it pulls again. */
    private void publish(List<Queued> batch) {
        Map<String, List<Queued>> bySubject = new LinkedHashMap<>();
        batch.forEach(reading -> bySubject.computeIfAbsent(reading.outgoing().subject(), subject -> new ArrayList<>()).add(reading));
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
        for (List<Queued> readings : bySubject.values()) {
            for (List<Queued> chunk : TelemetryBatch.cut(readings, reading -> reading.outgoing().data())) {
                acks.add(send(chunk));
            }
        }
        acks.forEach(ack -> ack.handle((stored, failure) -> null).join());
    }

    private CompletableFuture<PublishAck> send(List<Queued> chunk) {
        Upstream upstream = new Upstream(chunk.get(0).device(), epoch);
        CompletableFuture<PublishAck> ack = js.publishAsync(upstream.message(chunk.stream().map(Queued::outgoing).toList()));
        ack.whenComplete((stored, failure) -> chunk.forEach(reading -> {
            if (failure == null) {
                reading.acked().complete(null);
            } else {
                reading.acked().completeExceptionally(failure);
            }
        }));
        return ack;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.join(10_000);
        connection.close();
    }
}
