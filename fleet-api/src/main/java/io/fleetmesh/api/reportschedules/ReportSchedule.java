package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.reports.ExportFormat;
import io.fleetmesh.api.reports.Period;
import io.fleetmesh.api.reports.ReportKind;
import io.fleetmesh.api.reports.Units;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A report mailed after each period: the report's kind, its devices ({@code devices} or {@code tag}, neither for the
 * whole fleet), the period's length and zone, the file's format and units, and whom to mail it to.
 */
record ReportSchedule(UUID id, UUID tenantId, String name, ReportKind kind, List<String> devices, String tag,
                      ReportFrequency frequency, ZoneId zone, ExportFormat format, Units units, List<UUID> operators,
                      List<String> emails, boolean enabled, String createdBy, Instant createdAt) {

    /** The period a run at {@code now} reports on. */
    Period due(Instant now) {
        return frequency.lastComplete(now, zone);
    }

    /** {@code Fleetmesh: Trips report, 2026-12-06 (Europe/Berlin)}: nothing of the operator's making, so no header. */
    String subject(Period period) {
        return "Fleetmesh: %s report, %s (%s)".formatted(kind.title(), frequency.label(period, zone), zone.getId());
    }
}
