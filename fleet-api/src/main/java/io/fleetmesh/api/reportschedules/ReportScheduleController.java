package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Scheduled reports: {@code /api/v1/report-schedules}, their run log, and the last period sent on demand. */
@RestController
@RequestMapping("/api/v1/report-schedules")
class ReportScheduleController {

    private final ReportSchedules schedules;
    private final ReportScheduler scheduler;
    private final CurrentTenant tenant;

    ReportScheduleController(ReportSchedules schedules, ReportScheduler scheduler, CurrentTenant tenant) {
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.tenant = tenant;
    }

    @PostMapping
    ResponseEntity<ReportScheduleView> create(@Valid @RequestBody NewReportSchedule body) {
        ReportScheduleView created = schedules.create(tenant.caller(), body);
        return ResponseEntity.created(URI.create("/api/v1/report-schedules/" + created.id())).body(created);
    }

    @GetMapping
    List<ReportScheduleView> list() {
        return schedules.list(tenant.id());
    }

    @GetMapping("/{id}")
    ReportScheduleView get(@PathVariable UUID id) {
        return schedules.get(tenant.id(), id);
    }

    @PutMapping("/{id}")
    ReportScheduleView update(@PathVariable UUID id, @Valid @RequestBody NewReportSchedule body) {
        return schedules.update(tenant.caller(), id, body);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        schedules.delete(tenant.id(), id);
        return ResponseEntity.noContent().build();
    }

    /** Newest period first. */
    @GetMapping("/{id}/runs")
    List<ReportRunView> runs(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        return schedules.runs(tenant.id(), id, limit);
    }

    /** The last complete period, mailed now unless it was already: the run as it stands afterwards. */
    @PostMapping("/{id}/send-now")
    ReportRunView sendNow(@PathVariable UUID id) {
        return scheduler.sendNow(tenant.id(), id);
    }
}
