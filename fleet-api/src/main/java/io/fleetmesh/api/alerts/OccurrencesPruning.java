package io.fleetmesh.api.alerts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets edge alert occurrences after 30 days: they only guard against redeliveries, and nothing older than the
 * hub's EVENTS retention (7 days by default) or a truck's outbox can be delivered again.
 */
@Component
class OccurrencesPruning {

    private final JdbcTemplate jdbc;

    OccurrencesPruning(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void prune() {
        jdbc.update("DELETE FROM alert_occurrences WHERE received_at < now() - interval '30 days'");
    }
}
