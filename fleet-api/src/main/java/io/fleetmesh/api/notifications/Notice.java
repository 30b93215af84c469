package io.fleetmesh.api.notifications;

import io.fleetmesh.api.alerts.Severity;
import java.time.Instant;

/**
 * One thing to tell operators of. {@code eventKey} names the occurrence (an alert's id, a command's result), so
 * that it is queued once per recipient whatever number of rules want it; {@code link} is a dashboard path.
 */
public record Notice(NotificationEvent event, String eventKey, String deviceId, Severity severity, String title, String link,
              Instant at) {
}
