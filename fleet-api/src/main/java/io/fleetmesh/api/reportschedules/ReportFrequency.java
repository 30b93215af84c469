package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.reports.Period;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

/**
 * How often a schedule reports, and on what: the last complete day, week (Monday to Monday) or month before a moment,
 * in the schedule's zone. Bounds are local midnights, so a day across a DST change is 23 or 25 hours long, and a zone
 * whose midnight does not exist that day starts at the first moment after it.
 */
enum ReportFrequency {
    DAILY, WEEKLY, MONTHLY;

    static ReportFrequency named(String name) {
        for (ReportFrequency frequency : values()) {
            if (frequency.name().equalsIgnoreCase(name)) {
                return frequency;
            }
        }
        throw new InvalidInput("Unknown frequency", "frequency must be DAILY, WEEKLY or MONTHLY.",
                Map.of("frequency", String.valueOf(name)));
    }

    /** The last period that had ended by {@code now}: the one before the period {@code now} is in. */
    Period lastComplete(Instant now, ZoneId zone) {
        LocalDate current = start(LocalDate.ofInstant(now, zone));
        return new Period(current.minus(1, unit()).atStartOfDay(zone).toInstant(), current.atStartOfDay(zone).toInstant());
    }

    /** As a subject names it: {@code 2026-12-06}, {@code 2026-11-30 to 2026-12-06}, {@code 2026-11}. */
    String label(Period period, ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(period.from(), zone);
        return switch (this) {
            case DAILY -> first.toString();
            case WEEKLY -> first + " to " + first.plusDays(6);
            case MONTHLY -> first.toString().substring(0, 7);
        };
    }

    private LocalDate start(LocalDate day) {
        return switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    private ChronoUnit unit() {
        return switch (this) {
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            case MONTHLY -> ChronoUnit.MONTHS;
        };
    }
}
