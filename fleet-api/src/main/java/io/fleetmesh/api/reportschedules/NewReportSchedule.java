package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.devices.DeviceRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/v1/report-schedules} and {@code PUT /api/v1/report-schedules/{id}}. {@code kind}: route,
 * trips, stops, summary, drivers or events; {@code devices} or {@code tag} (neither: the whole fleet);
 * {@code frequency}: DAILY, WEEKLY (Monday to Monday) or MONTHLY, in {@code zone} (an IANA zone, default UTC);
 * {@code format}: XLSX (default) or PDF; {@code units}: metric (default) or imperial; {@code recipients}: usernames
 * of the tenant's operators (their e-mail address is read at each run) and/or {@code emails}: bare addresses;
 * {@code enabled} (default true).
 */
record NewReportSchedule(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 16) String kind,
        @Size(min = 1, max = 100) List<@Pattern(regexp = DeviceRules.ID) String> devices,
        @Pattern(regexp = DeviceRules.TAG) String tag,
        @NotBlank @Size(max = 16) String frequency,
        @Size(max = 64) String zone,
        @Size(max = 16) String format,
        @Size(max = 16) String units,
        @Size(max = 50) List<@Pattern(regexp = "[a-z0-9._@-]{1,64}") String> recipients,
        @Size(max = 50) List<@NotBlank @Size(max = 254) String> emails,
        Boolean enabled) {
}
