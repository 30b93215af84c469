package io.fleetmesh.edge.alerts;

import io.fleetmesh.protocol.AlertEvent;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import java.util.logging.Logger;

/**
 * Raises an alert twice: first on the driver display's subject (core NATS on the truck, milliseconds, whatever
 * the signal), then into the outbox as {@code fleet.<dev>.events.alert}, which the sync brings to the cloud.
 */
public final class Alerts {

    private static final Logger log = Logger.getLogger(Alerts.class.getName());

    private final Connection local;
    private final String deviceId;

    public Alerts(Connection local, String deviceId) {
        this.local = local;
        this.deviceId = deviceId;
    }

    public void raise(AlertEvent alert) {
        byte[] payload = alert.toJson();
        local.publish(Subjects.driverAlerts(deviceId), payload);
        try {
            local.jetStream().publishAsync(Subjects.alertEvents(deviceId), payload);
        } catch (Exception e) {
            log.warning("alert " + alert.alertId() + " not buffered: " + e);
        }
    }
}
