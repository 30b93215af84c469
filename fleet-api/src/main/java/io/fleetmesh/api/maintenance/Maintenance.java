package io.fleetmesh.api.maintenance;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.trips.Odometer;
import io.fleetmesh.api.trips.Trips;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance schedules and services. A device is counted from its last service against a schedule, or from its
 * baseline: its counters when the schedule first counted it (a used truck is not overdue on day one). Days are UTC.
 */
@Component
public class Maintenance {

    private static final String LAST = """
            SELECT done_on, odometer_km, engine_hours, kind FROM maintenance_records
            WHERE schedule_id = ? AND device_id = ? ORDER BY id DESC LIMIT 1""";

    private final JdbcTemplate jdbc;
    private final DeviceDirectory devices;
    private final Trips trips;
    private final Clock clock;

    Maintenance(JdbcTemplate jdbc, DeviceDirectory devices, Trips trips, Clock clock) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.trips = trips;
        this.clock = clock;
    }

    ScheduleView create(Caller caller, NewSchedule body) {
        if (body.interval().empty()) {
            throw new InvalidInput("A schedule needs everyKm, everyEngineHours, everyDays or onDate.");
        }
        if (body.device() != null && body.tag() != null) {
            throw new InvalidInput("A schedule is for a device or a tag, not both.");
        }
        if (body.device() != null) {
            devices.require(caller.tenantId(), body.device());
        }
        ScheduleView view = new ScheduleView(UUID.randomUUID(), body.name().strip(), body.device(), body.tag(),
                body.everyKm(), body.everyEngineHours(), body.everyDays(), body.onDate(), body.interval().soonPercent(),
                caller.name(), clock.instant());
        jdbc.update("INSERT INTO maintenance_schedules (id, tenant_id, name, device_id, tag, every_km, every_engine_hours,"
                + " every_days, on_date, soon_percent, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                view.id(), caller.tenantId(), view.name(), view.device(), view.tag(), view.everyKm(), view.everyEngineHours(),
                view.everyDays(), view.onDate() == null ? null : Date.valueOf(view.onDate()), view.soonPercent(),
                view.createdBy(), Timestamp.from(view.createdAt()));
        return view;
    }

    List<ScheduleView> schedules(UUID tenant) {
        return jdbc.query("SELECT * FROM maintenance_schedules WHERE tenant_id = ? ORDER BY created_at",
                Maintenance::schedule, tenant);
    }

    void delete(UUID tenant, UUID id) {
        if (jdbc.update("DELETE FROM maintenance_schedules WHERE id = ? AND tenant_id = ?", id, tenant) == 0) {
            throw notFound();
        }
    }

    /** Every schedule that applies to the device, with where it stands (404 for another tenant's device). */
    @Transactional
    public List<DeviceMaintenance> forDevice(UUID tenant, String device) {
        ServicePoint now = now(tenant, device);
        List<String> tags = devices.tagsOf(tenant, device);
        return schedules(tenant).stream().filter(s -> s.appliesTo(device, tags)).map(s -> status(tenant, s, device, now))
                .toList();
    }

    /** The fleet's devices that are due soon or overdue (or all with {@code all}), by schedule. */
    @Transactional
    List<DeviceMaintenance> fleet(UUID tenant, boolean all) {
        List<ScheduleView> schedules = schedules(tenant);
        List<DeviceMaintenance> statuses = new ArrayList<>();
        for (Map.Entry<String, List<String>> device : devices.tagsOf(tenant).entrySet()) {
            List<ScheduleView> applying = schedules.stream().filter(s -> s.appliesTo(device.getKey(), device.getValue())).toList();
            if (!applying.isEmpty()) {
                ServicePoint now = now(tenant, device.getKey());
                applying.forEach(s -> statuses.add(status(tenant, s, device.getKey(), now)));
            }
        }
        return statuses.stream().filter(s -> all || s.state() == MaintenanceState.DUE_SOON
                || s.state() == MaintenanceState.OVERDUE).toList();
    }

    /** The services recorded for the device, newest first (404 for another tenant's device). */
    public List<ServiceRecord> services(UUID tenant, String device, int limit) {
        devices.require(tenant, device);
        return jdbc.query("""
                SELECT r.*, s.name FROM maintenance_records r JOIN maintenance_schedules s ON s.id = r.schedule_id
                WHERE r.tenant_id = ? AND r.device_id = ? AND r.kind = 'SERVICE' ORDER BY r.done_on DESC, r.id DESC LIMIT ?""",
                (rs, row) -> new ServiceRecord(rs.getObject("schedule_id", UUID.class), rs.getString("name"),
                        rs.getDate("done_on").toLocalDate(), rs.getDouble("odometer_km"), rs.getDouble("engine_hours"),
                        rs.getString("note"), rs.getBigDecimal("cost"), rs.getString("recorded_by")), tenant, device, limit);
    }

    /** A service done resets the schedule for the device: the next is due an interval after it. */
    @Transactional
    DeviceMaintenance recordService(Caller caller, String device, UUID scheduleId, ServiceDone done) {
        ServicePoint now = now(caller.tenantId(), device);
        ScheduleView schedule = schedule(caller.tenantId(), scheduleId);
        if (!schedule.appliesTo(device, devices.tagsOf(caller.tenantId(), device))) {
            throw new InvalidInput("The schedule " + schedule.name() + " is not for " + device + ".");
        }
        LocalDate date = done.date() == null ? now.date() : done.date();
        if (date.isAfter(now.date())) {
            throw new InvalidInput("A service cannot be recorded for a day that has not come yet.");
        }
        // a first service is counted after the baseline, never before it
        countedFrom(caller.tenantId(), schedule, device, now);
        jdbc.update("INSERT INTO maintenance_records (schedule_id, tenant_id, device_id, kind, done_on, odometer_km,"
                + " engine_hours, note, cost, recorded_by) VALUES (?, ?, ?, 'SERVICE', ?, ?, ?, ?, ?, ?)", scheduleId,
                caller.tenantId(), device, Date.valueOf(date), done.odometerKm() == null ? now.odometerKm() : done.odometerKm(),
                done.engineHours() == null ? now.engineHours() : done.engineHours(), done.note(), done.cost(), caller.name());
        return status(caller.tenantId(), schedule, device, now);
    }

    private DeviceMaintenance status(UUID tenant, ScheduleView schedule, String device, ServicePoint now) {
        ServicePoint last = countedFrom(tenant, schedule, device, now);
        MaintenanceDue due = MaintenanceDue.of(schedule.interval(), last, now);
        return new DeviceMaintenance(schedule.id(), schedule.name(), device, due.state(), due.kmLeft(),
                due.engineHoursLeft(), due.daysLeft(), due.dueDate(), last.service() ? last.date() : null,
                last.service() ? last.odometerKm() : null, last.date());
    }

    /**
     * The last service, or the baseline: the counters when the schedule first counts the device, written then (and
     * only then, so reading a status writes nothing after the first time).
     */
    private ServicePoint countedFrom(UUID tenant, ScheduleView schedule, String device, ServicePoint now) {
        List<ServicePoint> last = jdbc.query(LAST, Maintenance::point, schedule.id(), device);
        if (!last.isEmpty()) {
            return last.get(0);
        }
        jdbc.update("""
                INSERT INTO maintenance_records (schedule_id, tenant_id, device_id, kind, done_on, odometer_km,
                    engine_hours, recorded_by) VALUES (?, ?, ?, 'BASELINE', ?, ?, ?, 'fleetmesh')
                ON CONFLICT (schedule_id, device_id) WHERE kind = 'BASELINE' DO NOTHING""", schedule.id(), tenant, device,
                Date.valueOf(now.date()), now.odometerKm(), now.engineHours());
        // ours, or the one another replica wrote first
        return jdbc.queryForObject(LAST, Maintenance::point, schedule.id(), device);
    }

    private static ServicePoint point(ResultSet rs, int row) throws SQLException {
        return new ServicePoint(rs.getDate("done_on").toLocalDate(), rs.getDouble("odometer_km"),
                rs.getDouble("engine_hours"), rs.getString("kind").equals("SERVICE"));
    }

    private ServicePoint now(UUID tenant, String device) {
        Odometer counters = trips.odometer(tenant, device);
        return new ServicePoint(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), counters.odometerMeters() / 1000,
                counters.engineHours(), false);
    }

    private ScheduleView schedule(UUID tenant, UUID id) {
        return jdbc.query("SELECT * FROM maintenance_schedules WHERE tenant_id = ? AND id = ?", Maintenance::schedule,
                tenant, id).stream().findFirst().orElseThrow(Maintenance::notFound);
    }

    private static ScheduleView schedule(ResultSet rs, int row) throws SQLException {
        Date onDate = rs.getDate("on_date");
        return new ScheduleView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("device_id"),
                rs.getString("tag"), (Double) rs.getObject("every_km"), (Double) rs.getObject("every_engine_hours"),
                (Integer) rs.getObject("every_days"), onDate == null ? null : onDate.toLocalDate(), rs.getInt("soon_percent"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    private static NotFound notFound() {
        return new NotFound("There is no schedule with this id.");
    }
}
