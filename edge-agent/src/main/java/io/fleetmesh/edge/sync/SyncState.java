package io.fleetmesh.edge.sync;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the sync has done, for the status heartbeat. */
public final class SyncState {

    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final AtomicReference<Instant> lastSync = new AtomicReference<>();

    void forwarded(int count, Instant at) {
        forwarded.addAndGet(count);
        lastSync.set(at);
    }

    /** Returns the new total. */
    long discarded(long count) {
        return discarded.addAndGet(count);
    }

    public long forwarded() {
        return forwarded.get();
    }

    public long discarded() {
        return discarded.get();
    }

    public Instant lastSync() {
        return lastSync.get();
    }
}
