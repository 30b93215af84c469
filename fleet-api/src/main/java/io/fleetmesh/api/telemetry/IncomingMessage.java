package io.fleetmesh.api.telemetry;

/**
 * One reading from the hub's TELEMETRY stream, as the decoder sees it: a message's payload, or one entry of a
 * telemetry batch, with its identity already read.
 *
 * @param epoch     the identity epoch, or {@link #UNUSABLE} when the publisher's identity was not two positive integers
 * @param seq       the identity seq, or {@link #UNUSABLE} likewise
 * @param streamSeq the hub stream sequence of the message that carried it
 */
record IncomingMessage(String subject, byte[] payload, long epoch, long seq, long streamSeq) {

    static final long UNUSABLE = -1;

    /**
     * A single reading: its {@code Fleet-Epoch}/{@code Fleet-Seq} headers, or, when it has neither, the hub's own
     * identity (the stream's creation time and the stream sequence).
     */
    static IncomingMessage single(String subject, byte[] payload, String epochHeader, String seqHeader,
                                  long streamEpoch, long streamSeq) {
        if (epochHeader == null && seqHeader == null) {
            return new IncomingMessage(subject, payload, streamEpoch, streamSeq, streamSeq);
        }
        return entry(subject, payload, number(epochHeader), number(seqHeader), streamSeq);
    }

    /** A reading whose identity the publisher gave: usable only when both numbers are positive. */
    static IncomingMessage entry(String subject, byte[] payload, long epoch, long seq, long streamSeq) {
        boolean usable = epoch > 0 && seq > 0;
        return new IncomingMessage(subject, payload, usable ? epoch : UNUSABLE, usable ? seq : UNUSABLE, streamSeq);
    }

    boolean hasIdentity() {
        return epoch != UNUSABLE && seq != UNUSABLE;
    }

    private static long number(String header) {
        try {
            return header == null ? UNUSABLE : Long.parseLong(header);
        } catch (NumberFormatException e) {
            return UNUSABLE;
        }
    }
}
