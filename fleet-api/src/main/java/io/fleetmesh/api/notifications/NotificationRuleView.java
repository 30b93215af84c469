package io.fleetmesh.api.notifications;

import io.fleetmesh.api.alerts.Severity;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A notification rule as the API shows it. */
record NotificationRuleView(UUID id, String name, List<String> events, Severity minSeverity, String device, String tag,
                            String channel, LocalTime quietFrom, LocalTime quietTo, String zone, long rateWindowSeconds,
                            List<String> recipients, String createdBy, Instant createdAt, LocalTime workFrom,
                            LocalTime workTo, List<DayOfWeek> workDays) {

    static NotificationRuleView of(NotificationRule rule) {
        QuietHours quiet = rule.quietHours();
        return new NotificationRuleView(rule.id(), rule.name(),
                rule.events().stream().map(NotificationEvent::apiName).sorted().toList(), rule.minSeverity(),
                rule.deviceId(), rule.tag(), rule.channel(), quiet == null ? null : quiet.from(),
                quiet == null ? null : quiet.to(), rule.zone().getId(), rule.rateWindow().toSeconds(), rule.recipients(),
                rule.createdBy(), rule.createdAt(), rule.hours().from(), rule.hours().to(),
                rule.hours().days().stream().sorted().toList());
    }
}
