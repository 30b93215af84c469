package io.fleetmesh.api.commands;

import io.fleetmesh.api.devices.DeviceDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A deleted device takes its commands and their history with it, as it does its readings. */
@Component
class DeviceCommandsCleanup {

    private final JdbcTemplate jdbc;

    DeviceCommandsCleanup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(DeviceDeleted deleted) {
        jdbc.update("DELETE FROM commands WHERE tenant_id = ? AND device_id = ?", deleted.tenantId(), deleted.deviceId());
    }
}
