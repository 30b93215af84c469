package io.fleetmesh.api.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours in a zone when a rule's messages wait: from {@code from} to {@code to}, over midnight when from is later
 * than to (22:00-06:00). What falls in them goes when they end, in one digest.
 */
record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    /** When a message due at {@code at} may go: at itself, or the end of the quiet hours it falls in. */
    Instant releaseAt(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overMidnight = from.isAfter(to);
        boolean quiet = overMidnight ? !time.isBefore(from) || time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
        if (!quiet) {
            return at;
        }
        boolean endsTomorrow = overMidnight && !time.isBefore(from);
        return local.toLocalDate().plusDays(endsTomorrow ? 1 : 0).atTime(to).atZone(zone).toInstant();
    }
}
