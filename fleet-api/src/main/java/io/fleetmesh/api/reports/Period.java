package io.fleetmesh.api.reports;

import io.fleetmesh.api.refusals.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** A report's time range [from, to): the last day unless said, at most {@link #LONGEST} per request. */
public record Period(Instant from, Instant to) {

    public static final Duration LONGEST = Duration.ofDays(31);

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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

    /** The days it touches in {@code zone}, for a file name: {@code 2026-12-01} or {@code 2026-12-01-2026-12-04}. */
    public String days(ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(from, zone);
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), zone);
        return first.equals(last) ? first.toString() : first + "-" + last;
    }

    /** As a reader says it: {@code 2026-12-01 00:00 to 2026-12-04 00:00 (Europe/Berlin)}. */
    public String covering(ZoneId zone) {
        return MINUTES.format(LocalDateTime.ofInstant(from, zone)) + " to "
                + MINUTES.format(LocalDateTime.ofInstant(to, zone)) + " (" + zone.getId() + ")";
    }
}
