package io.fleetmesh.api.taps;

import java.time.Instant;

/**
 * A tap, as REST and the dashboard show it. {@code status}: null while the hub cannot be asked; {@code throughput}:
 * acknowledged deliveries per second over the monitor's last interval (null before its second look);
 * {@code missedMessages}: the sum of its gaps (see {@code exactGaps}); {@code export}: csv or parquet if fleet-api
 * writes it to files, else null.
 */
record TapView(String name, String source, String filter, String stream, String consumer, String export, int maxAckPending,
               long ackWaitSeconds, int maxDeliver, boolean paused, Instant pausedAt, String createdBy, Instant createdAt,
               Status status, Double throughput, long missedMessages, boolean exactGaps, long deadLetters) {

    record Status(long pending, long ackPending, long redelivered, long ackFloor, long streamFirst, long streamLast) {
    }

    static TapView of(Tap tap, TapStatus status, Double throughput, TapStore.Losses losses) {
        TapSettings settings = tap.settings();
        return new TapView(tap.name(), settings.source().label(), settings.filter(), tap.stream(), tap.consumer(),
                settings.export() == null ? null : settings.export().label(), settings.maxAckPending(), settings.ackWait().toSeconds(), settings.maxDeliver(), tap.paused(),
                tap.pausedAt(), tap.createdBy(), tap.createdAt(), status == null ? null : new Status(status.pending(),
                status.ackPending(), status.redelivered(), status.ackFloor(), status.streamFirst(), status.streamLast()),
                throughput, losses.missed(), losses.exact(), losses.deadLetters());
    }
}
