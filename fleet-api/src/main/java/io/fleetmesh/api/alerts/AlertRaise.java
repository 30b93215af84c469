package io.fleetmesh.api.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * One occurrence of an alert condition. {@code backfilled}: it happened on a truck (or in readings) that reached the
 * cloud only later, so it is history, not news. {@code edgeAlertId}: the truck's id for it, or null.
 */
record AlertRaise(UUID tenantId, String deviceId, String ruleId, AlertSource source, Severity severity, String message,
                  String metric, Double value, Double threshold, Instant at, String edgeAlertId, boolean backfilled) {
}
