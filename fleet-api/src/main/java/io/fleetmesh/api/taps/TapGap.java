package io.fleetmesh.api.taps;

import java.time.Instant;
import java.util.Optional;

/**
 * Stream sequences a tap had not acknowledged when the stream discarded them (its retention was outlived): the
 * messages it missed. {@code exact}: the tap reads its whole stream, so all of them were its own; otherwise those
 * that matched its filter are among them ({@code messages} is an upper bound).
 */
record TapGap(long fromSequence, long toSequence, long messages, boolean exact, Instant detectedAt) {

    /**
     * The gap, if any, between what the tap acknowledged ({@code ackFloor}: everything up to it) or already reported
     * ({@code reportedUpTo}) and the stream's first sequence still kept.
     */
    static Optional<TapGap> detect(long ackFloor, long reportedUpTo, long streamFirst, boolean exact, Instant now) {
        long from = Math.max(ackFloor, reportedUpTo) + 1;
        long to = streamFirst - 1;
        return from <= to ? Optional.of(new TapGap(from, to, to - from + 1, exact, now)) : Optional.empty();
    }
}
