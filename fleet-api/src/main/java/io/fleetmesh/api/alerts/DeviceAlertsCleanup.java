package io.fleetmesh.api.alerts;

import io.fleetmesh.api.devices.DeviceDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A deleted device takes its alerts and geofence presence with it. */
@Component
class DeviceAlertsCleanup {

    private final JdbcTemplate jdbc;

    DeviceAlertsCleanup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(DeviceDeleted deleted) {
        jdbc.update("DELETE FROM alerts WHERE tenant_id = ? AND device_id = ?", deleted.tenantId(), deleted.deviceId());
        jdbc.update("DELETE FROM geofence_presence WHERE tenant_id = ? AND device_id = ?", deleted.tenantId(),
                deleted.deviceId());
    }
}
