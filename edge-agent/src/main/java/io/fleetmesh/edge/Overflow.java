package io.fleetmesh.edge;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Counts what the outbox's limits discarded before it was synced: every sequence below the stream's first one
 * that the sync never acknowledged. Each loss raises an alert (which is itself buffered and synced), so
 * overflow is never silent.
 */
final class Overflow {

    private static final Logger log = Logger.getLogger(Overflow.class.getName());

    private final Connection local;
    private final Alerts alerts;
    private final SyncState state;
    private long accountedThrough;
    private long lastCheck = System.nanoTime() - 1_000_000_000L;

    Overflow(Connection local, Alerts alerts, SyncState state) {
        this.local = local;
        this.alerts = alerts;
        this.state = state;
    }

    synchronized void syncedThrough(long seq) {
        accountedThrough = Math.max(accountedThrough, seq);
    }

    /** At most once a second: a stream-info request per batch would slow a catch-up. */
    synchronized void check() throws IOException, JetStreamApiException {
        if (System.nanoTime() - lastCheck < 1_000_000_000L) {
            return;
        }
        lastCheck = System.nanoTime();
        long first = local.jetStreamManagement().getStreamInfo(Outbox.STREAM).getStreamState().getFirstSequence();
        if (first - 1 > accountedThrough) {
            long lost = first - 1 - accountedThrough;
            accountedThrough = first - 1;
            long total = state.discarded(lost);
            log.warning("outbox limits discarded " + lost + " unsynced messages (" + total + " since start)");
            alerts.raise(AlertEvent.overflow(lost, total));
        }
    }
}
