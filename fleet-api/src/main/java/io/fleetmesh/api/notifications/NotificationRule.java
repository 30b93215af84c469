package io.fleetmesh.api.notifications;

import io.fleetmesh.api.alerts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A subscription: which events (at or above a severity, for a device, a tag or the whole fleet) reach which
 * operators, over which channel, when (quiet hours), and how often at most ({@code rateWindow}: one message per
 * recipient per window, the rest in the next one as a digest). {@code quietHours} may be null; {@code workingHours}
 * (null: {@link WorkingHours#OFFICE}) are when a trip start is no news.
 */
record NotificationRule(UUID id, String name, Set<NotificationEvent> events, Severity minSeverity, String deviceId,
                        String tag, String channel, QuietHours quietHours, ZoneId zone, Duration rateWindow, List<String> recipients,
                        String createdBy, Instant createdAt, WorkingHours workingHours) {

    /** Whether this rule wants the notice of a device with these tags. */
    boolean wants(Notice notice, List<String> deviceTags) {
        return events.contains(notice.event()) && notice.severity().compareTo(minSeverity) >= 0
                && (deviceId == null || deviceId.equals(notice.deviceId()))
                && (tag == null || deviceTags.contains(tag))
                && (notice.event() != NotificationEvent.TRIP_OUTSIDE_HOURS || !hours().cover(notice.at(), zone));
    }

    WorkingHours hours() {
        return workingHours == null ? WorkingHours.OFFICE : workingHours;
    }

    /** When the next message may go, given the last one: after the window, and outside the quiet hours. */
    Instant nextSendAt(Instant now, Instant lastSentAt) {
        Instant afterWindow = lastSentAt == null ? now : later(now, lastSentAt.plus(rateWindow));
        return quietHours == null ? afterWindow : quietHours.releaseAt(afterWindow);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
