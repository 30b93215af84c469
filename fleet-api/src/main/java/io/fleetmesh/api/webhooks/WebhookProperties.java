package io.fleetmesh.api.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks ({@code fleetmesh.webhooks.*}).
 *
 * @param firstRetry   wait after the first failed attempt; doubled after each further one
 * @param maxRetry     the longest wait between attempts
 * @param attempts     attempts before a delivery is FAILED for good
 * @param timeout      connect and response timeout of one attempt
 * @param allowPrivate accept URLs on loopback and private networks (off: a webhook cannot reach inside the
 *                     installation's network)
 */
@ConfigurationProperties("fleetmesh.webhooks")
record WebhookProperties(
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("12") int attempts,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("false") boolean allowPrivate) {

    RetryBackoff backoff() {
        return new RetryBackoff(firstRetry, maxRetry, attempts);
    }
}
