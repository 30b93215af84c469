package io.fleetmesh.api.taps;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A tap to create. {@code source}: telemetry, events or commands; {@code filter}: a subject pattern within that
 * stream (default: all of it); where it starts: {@code start} new (default) or all, or {@code startSequence}, or
 * {@code startTime}; {@code maxAckPending} (back-pressure, default 10,000), {@code ackWaitSeconds} (default 30) and
 * {@code maxDeliver} (default 5, then the message is a dead letter); {@code export}: csv or parquet to have fleet-api
 * write it to files (then it has no reader credentials).
 */
record NewTap(@NotNull @Pattern(regexp = TapSettings.NAME) String name,
              @NotNull @Pattern(regexp = "telemetry|events|commands") String source,
              @Size(max = 255) String filter,
              @Pattern(regexp = "new|all") String start,
              @Min(1) Long startSequence,
              Instant startTime,
              @Min(1) @Max(100_000) Integer maxAckPending,
              @Min(1) @Max(3600) Integer ackWaitSeconds,
              @Min(1) @Max(100) Integer maxDeliver,
              @Pattern(regexp = "csv|parquet") String export) {

    TapStart startAt() {
        if (startSequence != null && startTime != null) {
            throw TapSettings.invalid("start", "A tap starts at a sequence or at a time, not both.");
        }
        if (startSequence != null) {
            return TapStart.sequence(startSequence);
        }
        return startTime != null ? TapStart.time(startTime) : "all".equals(start) ? TapStart.all() : TapStart.next();
    }
}
