package io.fleetmesh.api.alerts;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alerts ({@code fleetmesh.alerts.*}).
 *
 * @param backfillAfter an alert or reading older than this when it arrives comes from a truck that was offline: it
 *                      is flagged backfilled
 * @param offlineAfter  a device whose last heartbeat is older than this gets a {@code device-offline} alert
 * @param offlineCheck  how often devices are checked for that
 */
@ConfigurationProperties("fleetmesh.alerts")
record AlertProperties(
        @DefaultValue("60s") Duration backfillAfter,
        @DefaultValue("5m") Duration offlineAfter,
        @DefaultValue("30s") Duration offlineCheck) {

    /** Whether what happened at {@code at} and arrives {@code now} is history from a truck that was offline. */
    boolean backfilled(Instant at, Instant now) {
        return at.isBefore(now.minus(backfillAfter));
    }
}
