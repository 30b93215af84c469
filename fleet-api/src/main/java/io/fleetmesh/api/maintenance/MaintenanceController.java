package io.fleetmesh.api.maintenance;

import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maintenance: schedules by km, engine hours, days or a date; where each device stands; services done.
 * {@code GET /api/v1/maintenance} lists what is due soon or overdue ({@code all=true}: every device and schedule).
 */
@RestController
class MaintenanceController {

    private final Maintenance maintenance;
    private final CurrentTenant tenant;

    MaintenanceController(Maintenance maintenance, CurrentTenant tenant) {
        this.maintenance = maintenance;
        this.tenant = tenant;
    }

    @PostMapping("/api/v1/maintenance/schedules")
    ResponseEntity<ScheduleView> create(@Valid @RequestBody NewSchedule body) {
        ScheduleView created = maintenance.create(tenant.caller(), body);
        return ResponseEntity.created(URI.create("/api/v1/maintenance/schedules/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/maintenance/schedules")
    List<ScheduleView> schedules() {
        return maintenance.schedules(tenant.id());
    }

    @DeleteMapping("/api/v1/maintenance/schedules/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        maintenance.delete(tenant.id(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/maintenance")
    List<DeviceMaintenance> fleet(@RequestParam(defaultValue = "false") boolean all) {
        return maintenance.fleet(tenant.id(), all);
    }

    @GetMapping("/api/v1/devices/{deviceId}/maintenance")
    List<DeviceMaintenance> device(@PathVariable String deviceId) {
        return maintenance.forDevice(tenant.id(), deviceId);
    }

    @GetMapping("/api/v1/devices/{deviceId}/maintenance/services")
    List<ServiceRecord> services(@PathVariable String deviceId,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return maintenance.services(tenant.id(), deviceId, limit);
    }

    @PostMapping("/api/v1/devices/{deviceId}/maintenance/{id}/services")
    ResponseEntity<DeviceMaintenance> serviced(@PathVariable String deviceId, @PathVariable UUID id,
                                               @Valid @RequestBody ServiceDone body) {
        DeviceMaintenance after = maintenance.recordService(tenant.caller(), deviceId, id, body);
        return ResponseEntity.status(201).body(after);
    }
}
