package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.webhooks.RetryBackoff;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Scheduled reports ({@code fleetmesh.report-schedules.*}).
 *
 * @param tick          how often every replica looks for periods that ended and runs that are due
 * @param lease         how long a claimed run is its replica's; one that died meanwhile leaves it to be claimed again
 * @param firstRetry    wait after a run's first failed attempt; doubled after each further one
 * @param maxRetry      the longest wait between attempts
 * @param attempts      attempts before a run is FAILED for good
 * @param maxAttachment the largest report mailed; a larger one fails for good, with the reason
 */
@ConfigurationProperties("fleetmesh.report-schedules")
record ReportScheduleProperties(
        @DefaultValue("1m") Duration tick,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("12") int attempts,
        @DefaultValue("20MB") DataSize maxAttachment) {

    RetryBackoff backoff() {
        return new RetryBackoff(firstRetry, maxRetry, attempts);
    }
}
