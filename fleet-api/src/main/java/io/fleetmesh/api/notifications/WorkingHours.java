package io.fleetmesh.api.notifications;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When the fleet works, in a rule's zone: on {@code days}, from {@code from} to {@code to}; a span over midnight
 * (22:00-06:00) belongs to the day it began. A trip started outside them is worth telling (out-of-hours use).
 */
record WorkingHours(LocalTime from, LocalTime to, Set<DayOfWeek> days) {

    static final WorkingHours OFFICE = new WorkingHours(LocalTime.of(7, 0), LocalTime.of(19, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    WorkingHours {
        days = Set.copyOf(days);
    }

    boolean cover(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        DayOfWeek day = local.getDayOfWeek();
        if (!from.isAfter(to)) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        return days.contains(day) && !time.isBefore(from) || days.contains(day.minus(1)) && time.isBefore(to);
    }
}
