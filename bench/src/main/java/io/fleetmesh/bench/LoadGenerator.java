package io.fleetmesh.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Message {@code i} of {@code total}, sent by publisher {@code i % publishers}: flat out, or paced so that message
 * {@code i} is due {@code i / rate} seconds after the start (an open-loop load: a publisher behind schedule sends at
 * once, it does not skip). At most {@code window} unacknowledged sends per publisher. A paced message is stamped with
 * the time it was due, not the time it went: a publisher held up shows as latency (no coordinated omission).
 * A paced publisher wakes once per {@link #TICK_NANOS} and sends what has fallen due: waking for every message cost
 * the harness more CPU than the pipeline it loads, on the same cores. A message is never sent before it is due.
 */
final class LoadGenerator {

    static final long TICK_NANOS = 5_000_000;

    /** One publisher's way to send message {@code i} stamped with {@code stampMillis}; completes when acknowledged. */
    interface Publisher extends AutoCloseable {
        CompletableFuture<?> send(int i, long stampMillis);
    }

    interface PublisherFactory {
        Publisher open(int index) throws Exception;
    }

    /** {@code sent}: the messages acknowledged; {@code failed}: those refused or never acknowledged. */
    record Result(long sent, long failed, double seconds) {
        double rate() {
            return sent / seconds;
        }
    }

    private final int publishers;
    private final int window;

    LoadGenerator(int publishers, int window) {
        this.publishers = publishers;
        this.window = window;
    }

    /** {@code rate} 0: flat out. */
    Result run(PublisherFactory factory, int total, double rate) throws Exception {
        List<Publisher> opened = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            opened.add(factory.open(p));
        }
        LongAdder failed = new LongAdder();
        ExecutorService threads = Executors.newFixedThreadPool(publishers);
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int first = p;
            Publisher publisher = opened.get(p);
            running.add(threads.submit(() -> publish(publisher, first, total, rate, start, startMillis, failed)));
        }
        for (Future<?> publisher : running) {
            publisher.get();
        }
        double seconds = IngestBenchmark.seconds(start);
        threads.shutdown();
        for (Publisher publisher : opened) {
            publisher.close();
        }
        return new Result(total - failed.sum(), failed.sum(), seconds);
    }

    private Void publish(Publisher publisher, int first, int total, double rate, long start, long startMillis,
                         LongAdder failed) {
        ArrayDeque<CompletableFuture<?>> pending = new ArrayDeque<>();
        for (int i = first; i < total; i += publishers) {
            long stamp = System.currentTimeMillis();
            if (rate > 0) {
                waitUntil(start, start + (long) (i * 1e9 / rate));
                stamp = startMillis + (long) (i * 1e3 / rate);
            }
            pending.add(publisher.send(i, stamp));
            if (pending.size() >= window) {
                settle(pending.poll(), failed);
            }
        }
        pending.forEach(ack -> settle(ack, failed));
        return null;
    }

    /** Until the tick boundary at or after {@code dueNanos} (ticks counted from the run's start). */
    private static void waitUntil(long start, long dueNanos) {
        long tick = start + Math.floorDiv(dueNanos - start + TICK_NANOS - 1, TICK_NANOS) * TICK_NANOS;
        long early;
        while ((early = tick - System.nanoTime()) > 0) {
            LockSupport.parkNanos(early);
        }
    }

    private static void settle(CompletableFuture<?> ack, LongAdder failed) {
        try {
            ack.join();
        } catch (RuntimeException e) {
            failed.increment();
        }
    }
}
