package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.reports.ExportFormat;
import io.fleetmesh.api.reports.ReportKind;
import io.fleetmesh.api.reports.Units;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A schedule as the API and the page show it: recipients by username, and its latest run (null: none yet). */
record ReportScheduleView(UUID id, String name, ReportKind kind, List<String> devices, String tag,
                          ReportFrequency frequency, String zone, ExportFormat format, Units units,
                          List<String> recipients, List<String> emails, boolean enabled, String createdBy,
                          Instant createdAt, ReportRunView lastRun) {

    static ReportScheduleView of(ReportSchedule schedule, Map<UUID, String> usernames, ReportRunView lastRun) {
        return new ReportScheduleView(schedule.id(), schedule.name(), schedule.kind(), schedule.devices(),
                schedule.tag(), schedule.frequency(), schedule.zone().getId(), schedule.format(), schedule.units(),
                schedule.operators().stream().map(id -> usernames.getOrDefault(id, id.toString())).sorted().toList(),
                schedule.emails(), schedule.enabled(), schedule.createdBy(), schedule.createdAt(), lastRun);
    }
}
