package io.fleetmesh.api.taps;

import java.time.Instant;

/**
 * A message a tap's reader gave up on: {@code max-deliveries} (delivered that many times, never acknowledged) or
 * {@code terminated} (the reader said so). {@code subject}: the message's, if the stream still had it when recorded.
 */
record DeadLetter(long streamSequence, String reason, int deliveries, String subject, Instant recordedAt) {
}
