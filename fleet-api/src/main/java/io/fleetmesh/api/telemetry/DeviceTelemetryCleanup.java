package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.devices.DeviceDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A deleted device takes its readings with it (its state row goes by foreign-key cascade). */
@Component
class DeviceTelemetryCleanup {

    private final JdbcTemplate jdbc;

    DeviceTelemetryCleanup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(DeviceDeleted deleted) {
        jdbc.update("DELETE FROM telemetry WHERE tenant_id = ? AND device_id = ?", deleted.tenantId(), deleted.deviceId());
        jdbc.update("DELETE FROM telemetry_changes WHERE tenant_id = ? AND device_id = ?", deleted.tenantId(), deleted.deviceId());
    }
}
