package io.fleetmesh.protocol;

/**
 * Headers of what a truck syncs up: the identity {@code (device, epoch, seq)} that survives retries (DESIGN §2). The
 * hub drops a repeated {@code Nats-Msg-Id} within its window; PostgreSQL's unique key drops one after that.
 */
public final class MeshHeaders {

    /** Changes when the truck's outbox is re-created, so sequences of an older store never collide. */
    public static final String EPOCH = "Fleet-Epoch";
    /** The message's sequence in the truck's outbox. */
    public static final String SEQ = "Fleet-Seq";
    /** JetStream's de-duplication header. */
    public static final String MESSAGE_ID = "Nats-Msg-Id";
    /** Marks a {@link TelemetryBatch}; its value is the number of readings the batch holds. */
    public static final String BATCH = "Fleet-Batch";

    private MeshHeaders() {
    }

    /** {@code <device>:<epoch>:<seq>}: unique across the fleet. */
    public static String messageId(String device, long epoch, long seq) {
        return device + ":" + epoch + ":" + seq;
    }

    /**
     * {@code <device>:<epoch>:<first>-<last>}: a batch holds every reading of its subject between the two sequences,
     * so two batches under one id hold the same readings (or, after the outbox discarded some, fewer). The hub's
     * de-duplication can never drop a batch carrying a reading it lacks.
     */
    public static String batchId(String device, long epoch, long firstSeq, long lastSeq) {
        return device + ":" + epoch + ":" + firstSeq + "-" + lastSeq;
    }
}
