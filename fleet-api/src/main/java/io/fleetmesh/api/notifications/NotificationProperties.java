package io.fleetmesh.api.notifications;

import io.fleetmesh.api.webhooks.RetryBackoff;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notifications ({@code fleetmesh.notifications.*}).
 *
 * @param baseUrl    the dashboard's address as recipients reach it, for the links in messages
 * @param firstRetry wait after a message's first failed attempt; doubled after each further one
 * @param maxRetry   the longest wait between attempts
 * @param attempts   attempts before the batch's notifications are FAILED for good
 * @param digestMax  notifications at most in one message; more wait for the next window (a storm of a whole
 *                   fleet should fit in one digest)
 */
@ConfigurationProperties("fleetmesh.notifications")
record NotificationProperties(
        @DefaultValue("http://127.0.0.1:8080") String baseUrl,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("30m") Duration maxRetry,
        @DefaultValue("10") int attempts,
        @DefaultValue("5000") int digestMax) {

    RetryBackoff backoff() {
        return new RetryBackoff(firstRetry, maxRetry, attempts);
    }
}
