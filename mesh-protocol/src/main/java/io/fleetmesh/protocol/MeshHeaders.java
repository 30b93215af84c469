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

    private MeshHeaders() {
    }

    /** {@code <device>:<epoch>:<seq>}: unique across the fleet. */
    public static String messageId(String device, long epoch, long seq) {
        return device + ":" + epoch + ":" + seq;
    }
}
