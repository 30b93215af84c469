package io.fleetmesh.api.webhooks;

import java.time.Duration;

/** After the n-th failed attempt, wait first·2^(n-1), at most max; give up after {@code attempts}. */
public record RetryBackoff(Duration first, Duration max, int attempts) {

    public Duration after(int failedAttempts) {
        long millis = first.toMillis() << Math.min(failedAttempts - 1, 30);
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= attempts;
    }
}
