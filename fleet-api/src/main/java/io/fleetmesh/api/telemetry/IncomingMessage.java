package io.fleetmesh.api.telemetry;

/**
 * A message from the hub's TELEMETRY stream, as the decoder sees it.
 *
 * @param epochHeader  the {@code Fleet-Epoch} header, or null when the publisher set no identity
 * @param seqHeader    the {@code Fleet-Seq} header, or null
 * @param streamEpoch  identity epoch for messages without headers: the hub stream's creation time
 * @param streamSeq    the hub stream sequence, the identity seq of messages without headers
 */
record IncomingMessage(String subject, byte[] payload, String epochHeader, String seqHeader,
                       long streamEpoch, long streamSeq) {
}
