package io.fleetmesh.api.telemetry;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs up to n batches at once, so decoding one batch overlaps writing another and PostgreSQL gets concurrent
 * inserts. Order between batches does not matter: identities make inserts idempotent and the latest-values
 * merge keeps the newest reading whichever commits first. A failed batch is rethrown to the consumer loop.
 */
final class ParallelBatches implements AutoCloseable {

    private final ExecutorService pool;
    private final Semaphore slots;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    ParallelBatches(int n) {
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(n, task -> new Thread(task, "telemetry-writer-" + threads.incrementAndGet()));
        this.slots = new Semaphore(n);
    }

    void submit(Runnable batch) throws InterruptedException {
        rethrowFailure();
        slots.acquire();
        pool.execute(() -> {
            try {
                batch.run();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                slots.release();
            }
        });
    }

    void rethrowFailure() {
        RuntimeException e = failure.getAndSet(null);
        if (e != null) {
            throw e;
        }
    }

    /** Waits for the batches in flight; idempotent. */
    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
