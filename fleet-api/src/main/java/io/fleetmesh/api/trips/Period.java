package io.fleetmesh.api.trips;

import io.fleetmesh.api.refusals.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A report's time range [from, to): the last day unless said, at most {@link #LONGEST} per request. */
public record Period(Instant from, Instant to) {

    public static final Duration LONGEST = Duration.ofDays(31);

    /** From the caller's bounds, either of which may be missing: {@code to} is then now, {@code from} a day before it. */
    public static Period of(Instant from, Instant to, Instant now) {
        Instant end = to != null ? to : now;
        Instant start = from != null ? from : end.minus(Duration.ofDays(1));
        if (!start.isBefore(end)) {
            throw new InvalidInput("Invalid period", "from must be before to.", Map.of());
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new InvalidInput("Period too long", "A report covers at most 31 days per request; ask for the rest in"
                    + " another.", Map.of("maxDays", LONGEST.toDays()));
        }
        return new Period(start, end);
    }
}
