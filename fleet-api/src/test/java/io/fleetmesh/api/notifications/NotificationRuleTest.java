package io.fleetmesh.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.alerts.AlertEvents.AlertChanged;
import io.fleetmesh.api.alerts.AlertState;
import io.fleetmesh.api.alerts.Severity;
import io.fleetmesh.api.commands.CommandEvents.CommandTransitioned;
import io.fleetmesh.api.commands.CommandSource;
import io.fleetmesh.api.commands.CommandState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which notices a rule wants and when its next message may go: quiet hours, windows, over midnight, in a zone. */
class NotificationRuleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aRuleWantsItsEventsAtOrAboveItsSeverityForItsDeviceOrTag() {
        NotificationRule forTag = rule(Set.of(NotificationEvent.ALERT), null, "reefer", null, Duration.ZERO);
        assertThat(forTag.wants(notice(NotificationEvent.ALERT, Severity.WARNING, "t1"), List.of("reefer"))).isTrue();
        assertThat(forTag.wants(notice(NotificationEvent.ALERT, Severity.INFO, "t1"), List.of("reefer"))).isFalse();
        assertThat(forTag.wants(notice(NotificationEvent.ALERT, Severity.CRITICAL, "t1"), List.of("van"))).isFalse();
        assertThat(forTag.wants(notice(NotificationEvent.OFFLINE, Severity.CRITICAL, "t1"), List.of("reefer"))).isFalse();
        NotificationRule forDevice = rule(Set.of(NotificationEvent.OFFLINE), "t1", null, null, Duration.ZERO);
        assertThat(forDevice.wants(notice(NotificationEvent.OFFLINE, Severity.WARNING, "t1"), List.of())).isTrue();
        assertThat(forDevice.wants(notice(NotificationEvent.OFFLINE, Severity.WARNING, "t2"), List.of())).isFalse();
    }

    @Test
    void theNextMessageWaitsForTheWindowAfterTheLastOne() {
        NotificationRule rule = rule(Set.of(NotificationEvent.ALERT), null, null, null, Duration.ofMinutes(5));
        assertThat(rule.nextSendAt(NOW, null)).isEqualTo(NOW);
        assertThat(rule.nextSendAt(NOW, NOW.minusSeconds(60))).isEqualTo(NOW.plusSeconds(240));
        assertThat(rule.nextSendAt(NOW, NOW.minusSeconds(600))).isEqualTo(NOW);
    }

    @Test
    void quietHoursOverMidnightHoldUntilTheMorningInTheirZone() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), BERLIN);
        // 22:30 in Berlin (UTC+1 in December): until 06:00 the next morning
        assertThat(night.releaseAt(Instant.parse("2026-12-06T21:30:00Z"))).isEqualTo(Instant.parse("2026-12-07T05:00:00Z"));
        assertThat(night.releaseAt(Instant.parse("2026-12-07T03:00:00Z"))).isEqualTo(Instant.parse("2026-12-07T05:00:00Z"));
        assertThat(night.releaseAt(Instant.parse("2026-12-07T05:00:00Z"))).isEqualTo(Instant.parse("2026-12-07T05:00:00Z"));
        assertThat(night.releaseAt(NOW)).isEqualTo(NOW);
    }

    @Test
    void quietHoursWithinADayAndAcrossAClockChange() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), BERLIN);
        assertThat(lunch.releaseAt(Instant.parse("2026-12-06T11:15:00Z"))).isEqualTo(Instant.parse("2026-12-06T12:00:00Z"));
        assertThat(lunch.releaseAt(Instant.parse("2026-12-06T12:15:00Z"))).isEqualTo(Instant.parse("2026-12-06T12:15:00Z"));
        // the night of 28-29 March 2026: clocks go from 02:00 to 03:00, so 06:00 is 04:00 UTC
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), BERLIN);
        assertThat(night.releaseAt(Instant.parse("2026-03-28T23:00:00Z"))).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
    }

    @Test
    void aWindowThatEndsInQuietHoursWaitsForTheirEnd() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0), BERLIN);
        NotificationRule rule = rule(Set.of(NotificationEvent.ALERT), null, null, night, Duration.ofMinutes(30));
        Instant lastAt2145 = Instant.parse("2026-12-06T20:45:00Z");
        assertThat(rule.nextSendAt(lastAt2145.plusSeconds(60), lastAt2145)).isEqualTo(Instant.parse("2026-12-07T05:00:00Z"));
    }

    @Test
    void onlyNewAlertsAndFailedCommandsAreNotices() {
        UUID tenant = UUID.randomUUID();
        AlertChanged raised = new AlertChanged(tenant, UUID.randomUUID(), "t1", "geofence-enter:yard", Severity.INFO,
                AlertState.ACTIVE, 1, NOW, "Entered the yard");
        assertThat(Notices.of(raised)).get().extracting(Notice::event, Notice::title, Notice::link)
                .containsExactly(NotificationEvent.GEOFENCE, "Entered the yard", "/alerts?device=t1");
        assertThat(Notices.of(new AlertChanged(tenant, UUID.randomUUID(), "t1", "device-offline", Severity.WARNING,
                AlertState.ACTIVE, 1, NOW, null))).get().extracting(Notice::event, Notice::title)
                .containsExactly(NotificationEvent.OFFLINE, "device-offline");
        assertThat(Notices.of(new AlertChanged(tenant, UUID.randomUUID(), "t1", "door", Severity.INFO, AlertState.ACTIVE,
                2, NOW, "again"))).isEmpty();
        assertThat(Notices.of(new AlertChanged(tenant, UUID.randomUUID(), "t1", "door", Severity.INFO,
                AlertState.ACKNOWLEDGED, 1, NOW, "seen"))).isEmpty();
        UUID command = UUID.randomUUID();
        assertThat(Notices.of(new CommandTransitioned(tenant, command, "t1", "unlock", CommandState.EXPIRED,
                CommandSource.CLOUD, NOW))).get().extracting(Notice::eventKey, Notice::title)
                .containsExactly("command:" + command, "Command unlock expired");
        assertThat(Notices.of(new CommandTransitioned(tenant, command, "t1", "unlock", CommandState.SUCCEEDED,
                CommandSource.TRUCK, NOW))).isEmpty();
    }

    @Test
    void aTripStartIsWantedOutsideTheRulesWorkingHoursOnly() {
        NotificationRule rule = rule(Set.of(NotificationEvent.TRIP_OUTSIDE_HOURS), null, null, null, Duration.ZERO);
        Notice sundayNoon = new Notice(NotificationEvent.TRIP_OUTSIDE_HOURS, "trip:a", "truck-1", Severity.WARNING,
                "Trip", "/devices/truck-1", Instant.parse("2026-12-06T11:00:00Z"));
        Notice mondayNoon = new Notice(NotificationEvent.TRIP_OUTSIDE_HOURS, "trip:b", "truck-1", Severity.WARNING,
                "Trip", "/devices/truck-1", Instant.parse("2026-12-07T11:00:00Z"));
        assertThat(rule.wants(sundayNoon, List.of())).isTrue();
        assertThat(rule.wants(mondayNoon, List.of())).as("office hours by default").isFalse();
    }

    @Test
    void aSubjectIsOneLine() {
        assertThat(MailTemplates.oneLine("Door\r\nBcc: x@evil.example\ttab")).isEqualTo("Door  Bcc: x@evil.example tab");
    }

    private static NotificationRule rule(Set<NotificationEvent> events, String device, String tag, QuietHours quiet,
                                         Duration window) {
        return new NotificationRule(UUID.randomUUID(), "rule", events, Severity.WARNING, device, tag, "email", quiet,
                BERLIN, window, List.of("ops"), "ops", NOW, null);
    }

    private static Notice notice(NotificationEvent event, Severity severity, String device) {
        return new Notice(event, "alert:" + UUID.randomUUID(), device, severity, "title", "/alerts", NOW);
    }
}
