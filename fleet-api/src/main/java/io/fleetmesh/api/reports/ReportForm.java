package io.fleetmesh.api.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The reports page's form: whole days in the operator's zone, {@code to} included. Blank fields are null: a blank
 * device or tag is the whole fleet, missing days are today.
 */
record ReportForm(ReportKind kind, String device, String tag, LocalDate from, LocalDate to, ZoneId zone, Units units) {

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The start of the day after {@code to}: the period's exclusive end. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The same report as a file, from the API (which the dashboard's session may read). */
    String export(ExportFormat format) {
        return "/api/v1/reports/" + kind.path() + "?" + (device != null ? "device=" + device + "&" : "")
                + (tag != null ? "tag=" + tag + "&" : "") + "from=" + start() + "&to=" + end() + "&zone=" + zone.getId()
                + "&units=" + units.name().toLowerCase() + "&format=" + format.extension();
    }
}
