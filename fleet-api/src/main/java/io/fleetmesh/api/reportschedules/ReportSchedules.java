package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.operators.EmailAddress;
import io.fleetmesh.api.operators.OperatorDirectory;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.reports.ExportFormat;
import io.fleetmesh.api.reports.ReportKind;
import io.fleetmesh.api.reports.TimeZones;
import io.fleetmesh.api.reports.Units;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenant's report schedules (table report_schedules), each checked as a whole before it is stored. */
@Component
class ReportSchedules {

    static final String NOT_FOUND = "There is no report schedule with this id.";

    private final JdbcTemplate jdbc;
    private final ReportRuns runs;
    private final DeviceDirectory devices;
    private final OperatorDirectory operators;
    private final Clock clock;

    ReportSchedules(JdbcTemplate jdbc, ReportRuns runs, DeviceDirectory devices, OperatorDirectory operators,
                    Clock clock) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.devices = devices;
        this.operators = operators;
        this.clock = clock;
    }

    ReportScheduleView create(Caller caller, NewReportSchedule body) {
        ReportSchedule schedule = schedule(caller, UUID.randomUUID(), body);
        jdbc.update("""
                INSERT INTO report_schedules (id, tenant_id, name, kind, device_ids, tag, frequency, zone, format, units,
                    operator_ids, emails, enabled, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", schedule.id(), schedule.tenantId(),
                schedule.name(), schedule.kind().name(), array(schedule.devices()), schedule.tag(),
                schedule.frequency().name(), schedule.zone().getId(), schedule.format().name(), schedule.units().name(),
                schedule.operators().toArray(UUID[]::new), schedule.emails().toArray(String[]::new), schedule.enabled(),
                schedule.createdBy(), Timestamp.from(schedule.createdAt()));
        return view(schedule);
    }

    List<ReportScheduleView> list(UUID tenantId) {
        Map<UUID, String> names = operators.usernames(tenantId);
        Map<UUID, ReportRunView> latest = runs.latest(tenantId);
        return jdbc.query("SELECT * FROM report_schedules WHERE tenant_id = ? ORDER BY name, created_at",
                ReportSchedules::schedule, tenantId).stream()
                .map(schedule -> ReportScheduleView.of(schedule, names, latest.get(schedule.id()))).toList();
    }

    ReportScheduleView get(UUID tenantId, UUID id) {
        return view(find(tenantId, id));
    }

    /** The schedule is looked up first: another tenant's is not found, whatever the body says. */
    ReportScheduleView update(Caller caller, UUID id, NewReportSchedule body) {
        find(caller.tenantId(), id);
        ReportSchedule schedule = schedule(caller, id, body);
        jdbc.update("""
                UPDATE report_schedules SET name = ?, kind = ?, device_ids = ?, tag = ?, frequency = ?, zone = ?,
                    format = ?, units = ?, operator_ids = ?, emails = ?, enabled = ?
                WHERE tenant_id = ? AND id = ?""", schedule.name(), schedule.kind().name(), array(schedule.devices()),
                schedule.tag(), schedule.frequency().name(), schedule.zone().getId(), schedule.format().name(),
                schedule.units().name(), schedule.operators().toArray(UUID[]::new),
                schedule.emails().toArray(String[]::new), schedule.enabled(), caller.tenantId(), id);
        return get(caller.tenantId(), id);
    }

    void delete(UUID tenantId, UUID id) {
        if (jdbc.update("DELETE FROM report_schedules WHERE tenant_id = ? AND id = ?", tenantId, id) == 0) {
            throw new NotFound(NOT_FOUND);
        }
    }

    ReportSchedule find(UUID tenantId, UUID id) {
        return jdbc.query("SELECT * FROM report_schedules WHERE tenant_id = ? AND id = ?", ReportSchedules::schedule,
                tenantId, id).stream().findFirst().orElseThrow(() -> new NotFound(NOT_FOUND));
    }

    /** The schedule's run log, newest period first. */
    List<ReportRunView> runs(UUID tenantId, UUID id, int limit) {
        return runs.list(find(tenantId, id).id(), limit);
    }

    /** Every tenant's enabled schedules, for the scheduler. */
    List<ReportSchedule> enabled() {
        return jdbc.query("SELECT * FROM report_schedules WHERE enabled", ReportSchedules::schedule);
    }

    private ReportScheduleView view(ReportSchedule schedule) {
        return ReportScheduleView.of(schedule, operators.usernames(schedule.tenantId()),
                runs.lastRun(schedule.id()));
    }

    private ReportSchedule schedule(Caller caller, UUID id, NewReportSchedule body) {
        List<UUID> recipients = recipients(caller.tenantId(), body.recipients() == null ? List.of() : body.recipients());
        List<String> emails = emails(body.emails());
        if (recipients.isEmpty() && emails.isEmpty()) {
            throw new InvalidInput("No recipient", "Name at least one recipient (an operator of this tenant) or e-mail"
                    + " address.", Map.of());
        }
        return new ReportSchedule(id, caller.tenantId(), body.name().strip(), kind(body.kind()), scope(caller, body),
                body.tag(), ReportFrequency.named(body.frequency()),
                TimeZones.named(body.zone() == null ? "UTC" : body.zone()), format(body.format()),
                Units.named(body.units() == null ? "metric" : body.units()), recipients, emails,
                body.enabled() == null || body.enabled(), caller.name(), clock.instant());
    }

    /** The devices, each of the caller's tenant (another's is not found); null for a tag or the whole fleet. */
    private List<String> scope(Caller caller, NewReportSchedule body) {
        if (body.devices() != null && body.tag() != null) {
            throw new InvalidInput("Invalid report scope", "Give devices or a tag, not both.", Map.of());
        }
        List<String> scope = body.devices() == null ? null : body.devices().stream().distinct().toList();
        if (scope != null) {
            scope.forEach(device -> devices.requireRegistered(caller.tenantId(), device));
        }
        return scope;
    }

    private static List<String> emails(List<String> emails) {
        return emails == null ? List.of()
                : emails.stream().map(email -> new EmailAddress(email.strip()).value()).distinct().toList();
    }

    private static ReportKind kind(String name) {
        return Arrays.stream(ReportKind.values()).filter(kind -> kind.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new InvalidInput("Unknown report", "kind must be route, trips, stops, summary,"
                        + " drivers or events.", Map.of("kind", name)));
    }

    /** Only files: a mail carries no JSON or CSV report. */
    private static ExportFormat format(String name) {
        ExportFormat format = ExportFormat.named(name == null ? "xlsx" : name);
        if (format != ExportFormat.XLSX && format != ExportFormat.PDF) {
            throw new InvalidInput("Unknown format", "format must be XLSX or PDF.", Map.of("format", name));
        }
        return format;
    }

    /** Each recipient must be an operator of the caller's tenant: another tenant's is as unknown as a missing one. */
    private List<UUID> recipients(UUID tenantId, List<String> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        Map<String, UUID> ids = operators.idsOf(tenantId, usernames);
        usernames.stream().filter(name -> !ids.containsKey(name)).findFirst().ifPresent(name -> {
            throw new InvalidInput("Unknown recipient", "Every recipient must be an operator of this tenant.",
                    Map.of("recipient", name));
        });
        return List.copyOf(ids.values());
    }

    private static String[] array(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    private static ReportSchedule schedule(ResultSet rs, int row) throws SQLException {
        Array devices = rs.getArray("device_ids");
        return new ReportSchedule(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("name"), ReportKind.valueOf(rs.getString("kind")),
                devices == null ? null : List.of((String[]) devices.getArray()), rs.getString("tag"),
                ReportFrequency.valueOf(rs.getString("frequency")), ZoneId.of(rs.getString("zone")),
                ExportFormat.valueOf(rs.getString("format")), Units.valueOf(rs.getString("units")),
                List.of((UUID[]) rs.getArray("operator_ids").getArray()),
                List.of((String[]) rs.getArray("emails").getArray()), rs.getBoolean("enabled"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
