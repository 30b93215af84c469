package io.fleetmesh.api.telemetry;

import io.nats.client.ConsumerContext;
import io.nats.client.api.ConsumerInfo;

/**
 * Notices a pull that stopped delivering: the hub holds messages for the consumer and may hand them out (fewer than
 * max-ack-pending await acks), yet nothing arrived for a second. The client then sometimes re-pulls only when its
 * pull expires, a few hundred messages each time: the end-to-end benchmark crawled for four minutes with 28,000
 * messages waiting, the 100-truck one delayed readings by 12 s. The edge forwarder met the same and re-creates its
 * consumer (ADR 0004); ingest now pulls afresh too.
 */
final class StallWatch {

    private static final long STALL_NANOS = 1_000_000_000L;

    private final ConsumerContext context;
    private final int maxAckPending;
    private long idleSince = System.nanoTime();

    StallWatch(ConsumerContext context, int maxAckPending) {
        this.context = context;
        this.maxAckPending = maxAckPending;
    }

    /** {@code received}: whether the last poll brought anything. True when the pull should start afresh. */
    boolean stalled(boolean received) throws Exception {
        if (received) {
            idleSince = System.nanoTime();
            return false;
        }
        if (System.nanoTime() - idleSince < STALL_NANOS) {
            return false;
        }
        idleSince = System.nanoTime();
        ConsumerInfo info = context.getConsumerInfo();
        return info.getNumPending() > 0 && info.getNumAckPending() < maxAckPending;
    }
}
