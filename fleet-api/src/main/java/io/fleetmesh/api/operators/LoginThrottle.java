package io.fleetmesh.api.operators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code MAX_FAILURES} failed logins for one username within {@code WINDOW}, further
 * attempts for it are refused until the oldest failure leaves the window. Per replica and in memory: a guesser
 * spread over replicas gets a few more tries, never unlimited ones. Pure Java, unit-tested without Spring.
 */
final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    // Guessed names are tracked too (same answer either way); past this many, names without recent failures go.
    private static final int TRACKED_NAMES = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String username) {
        Deque<Instant> recent = failures.get(username);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            forgetOld(recent);
            return recent.size() >= MAX_FAILURES;
        }
    }

    void failed(String username) {
        if (failures.size() > TRACKED_NAMES) {
            failures.values().removeIf(this::quiet);
        }
        Deque<Instant> recent = failures.computeIfAbsent(username, name -> new ArrayDeque<>());
        synchronized (recent) {
            forgetOld(recent);
            recent.addLast(clock.instant());
        }
    }

    void succeeded(String username) {
        failures.remove(username);
    }

    private boolean quiet(Deque<Instant> recent) {
        synchronized (recent) {
            forgetOld(recent);
            return recent.isEmpty();
        }
    }

    private void forgetOld(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }
}
