package io.fleetmesh.edge.sync;

import io.fleetmesh.protocol.AlertEvent;
import io.fleetmesh.edge.alerts.Alerts;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Counts what the outbox's limits discarded before the sync got it: sequences the sync's in-order deliveries
 * skip, and, while it is not pulling, sequences below the stream's first one. One counter moves forward for
 * both, so nothing is counted twice. Each loss raises an alert (itself buffered and synced): never silent.
 */
public final class Overflow {

    private static final Logger log = Logger.getLogger(Overflow.class.getName());

    private final Connection local;
    private final Alerts alerts;
    private final SyncState state;
    private long accountedThrough;
    private long lastCheck = System.nanoTime() - 1_000_000_000L;

    public Overflow(Connection local, Alerts alerts, SyncState state) {
        this.local = local;
        this.alerts = alerts;
        this.state = state;
    }

    /** Where the sync starts: everything up to its ack floor reached the hub. */
    synchronized void startAt(long floor) {
        accountedThrough = Math.max(accountedThrough, floor);
    }

    /** The sync got this message, in stream order: any sequence it skipped was discarded before it got there. */
    synchronized void delivered(long seq) {
        if (seq > accountedThrough + 1) {
            lost(seq - accountedThrough - 1);
        }
        accountedThrough = Math.max(accountedThrough, seq);
    }

    /**
     * Catches discards while the sync is not pulling (the hub is away): everything below the stream's first
     * sequence that the sync never got. What its consumer already handed over (waiting in the client's buffer for
     * the hub) is not lost: counting it made a full disk's 11,400 lost readings look like 15,400. At most once a
     * second: it costs two info requests.
     */
    public synchronized void check() throws IOException, JetStreamApiException {
        if (System.nanoTime() - lastCheck < 1_000_000_000L) {
            return;
        }
        lastCheck = System.nanoTime();
        JetStreamManagement jsm = local.jetStreamManagement();
        long first = jsm.getStreamInfo(Outbox.STREAM).getStreamState().getFirstSequence();
        long held = Math.max(accountedThrough, handedOver(jsm));
        if (first - 1 > held) {
            lost(first - 1 - held);
            accountedThrough = first - 1;
        }
    }

    private static long handedOver(JetStreamManagement jsm) throws IOException, JetStreamApiException {
        try {
            return jsm.getConsumerInfo(Outbox.STREAM, Forwarder.CONSUMER).getDelivered().getStreamSequence();
        } catch (JetStreamApiException beingRecreated) {
            return 0;
        }
    }

    private void lost(long count) {
        long total = state.discarded(count);
        log.warning("outbox limits discarded " + count + " unsynced messages (" + total + " since start)");
        alerts.raise(AlertEvent.overflow(count, total));
    }
}
