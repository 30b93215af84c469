package io.fleetmesh.api.notifications;

import io.fleetmesh.api.alerts.Severity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * The body of {@code POST /api/v1/notification-rules}. {@code events}: alert, geofence, offline, command-failed,
 * maintenance, fuel-drain, trip-outside-hours (a trip started outside {@code workFrom}-{@code workTo} on
 * {@code workDays}, MONDAY..SUNDAY, in {@code zone}; Monday to Friday 07:00-19:00 unless said);
 * {@code minSeverity} (default INFO); {@code device} or {@code tag} (neither: the whole fleet); {@code channel}
 * (email, the default, or webhook: the tenant's webhooks for {@code notification}); {@code quietFrom}/{@code quietTo} ("22:00", "06:00") in {@code zone} (default UTC);
 * {@code rateWindowSeconds} (default 300, 0 for none); {@code recipients}: usernames of the tenant's operators
 * (default: the caller).
 */
record NewNotificationRule(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 10) List<String> events,
        Severity minSeverity,
        @Pattern(regexp = "[a-z0-9-]{1,64}") String device,
        @Size(min = 1, max = 64) String tag,
        @Pattern(regexp = "email|webhook", message = "email or webhook") String channel,
        LocalTime quietFrom,
        LocalTime quietTo,
        @Size(max = 64) String zone,
        @Min(0) @Max(86400) Integer rateWindowSeconds,
        @Size(max = 100) List<@Pattern(regexp = "[a-z0-9._@-]{1,64}") String> recipients,
        LocalTime workFrom,
        LocalTime workTo,
        @Size(min = 1, max = 7) List<DayOfWeek> workDays) {
}
