package io.fleetmesh.edge.sync;

import java.util.function.LongSupplier;

/**
 * Where the sync stands in the outbox, and what to do with each delivery. Forwarding must follow stream order:
 * a redelivery (after an ack-wait, or to a pull request left over from a closed iterator) can arrive behind its
 * successors, and once a successor is forwarded the late message looks already forwarded and would be dropped.
 * So a gap is accepted only where the outbox's limits discarded the messages; any other gap means "start over
 * from the last forwarded message" (found by the 200-truck sync benchmark: one reading acked and never sent).
 */
final class OutboxCursor {

    enum Step {
        /** The next message in order (possibly after discarded ones): send it. */
        FORWARD,
        /** The hub has it already (a redelivery of an acknowledged message): acknowledge again, send nothing. */
        ALREADY_FORWARDED,
        /** A second copy of a message in the batch being sent: its first copy is acknowledged after the hub has it. */
        REPEATED,
        /** Ahead of a message still in the outbox: stop and re-read from the last forwarded message. */
        OUT_OF_ORDER
    }

    private long forwardedThrough;
    private long next;

    OutboxCursor(long forwardedThrough) {
        this.forwardedThrough = forwardedThrough;
        this.next = forwardedThrough + 1;
    }

    /** {@code firstInOutbox} gives the outbox's current first sequence; it is asked only when there is a gap. */
    Step step(long seq, LongSupplier firstInOutbox) {
        if (seq <= forwardedThrough) {
            return Step.ALREADY_FORWARDED;
        }
        if (seq < next) {
            return Step.REPEATED;
        }
        if (seq > next && firstInOutbox.getAsLong() < seq) {
            return Step.OUT_OF_ORDER;
        }
        next = seq + 1;
        return Step.FORWARD;
    }

    /** The hub confirmed everything up to here. */
    void forwarded(long seq) {
        forwardedThrough = seq;
    }

    long forwardedThrough() {
        return forwardedThrough;
    }
}
