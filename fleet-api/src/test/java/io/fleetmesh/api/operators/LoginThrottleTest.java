package io.fleetmesh.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-25T12:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void blocksAUsernameAfterFiveFailuresUntilTheyAgeOut() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("alice");
        }
        assertThat(throttle.blocked("alice")).isFalse();
        throttle.failed("alice");
        assertThat(throttle.blocked("alice")).isTrue();
        assertThat(throttle.blocked("bob")).isFalse();
        now = now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(throttle.blocked("alice")).isFalse();
    }

    @Test
    void aSuccessfulLoginForgetsTheFailures() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.failed("carol");
        }
        throttle.succeeded("carol");
        throttle.failed("carol");
        assertThat(throttle.blocked("carol")).isFalse();
    }
}
