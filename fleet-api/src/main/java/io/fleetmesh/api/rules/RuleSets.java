package io.fleetmesh.api.rules;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.refusals.Conflict;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.telemetry.FleetQueries;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant's rule configuration, versioned: each change to its rules or sampling is stored together with the next
 * version in one transaction, then that version is pushed to the trucks ({@code apply-config}).
 */
@Component
class RuleSets {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RuleBook book;
    private final RuleRollout rollout;
    private final FleetQueries fleet;

    RuleSets(JdbcTemplate jdbc, PlatformTransactionManager transactions, RuleBook book, RuleRollout rollout,
             FleetQueries fleet) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.book = book;
        this.rollout = rollout;
        this.fleet = fleet;
    }

    RuleSet current(UUID tenantId) {
        Long version = jdbc.query("SELECT version FROM rule_set_versions WHERE tenant_id = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, tenantId);
        return new RuleSet(version, book.rules(tenantId), book.sampling(tenantId));
    }

    RuleSet create(Caller caller, AlertRule rule) {
        return changed(caller, () -> {
            try {
                jdbc.update("INSERT INTO alert_rules (id, tenant_id, rule_key, expression, tag, runs_on)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), caller.tenantId(), rule.key(),
                        rule.expression().trim(), rule.tag(), rule.where().name());
            } catch (DuplicateKeyException e) {
                throw new Conflict("A rule with this key exists.");
            }
        });
    }

    RuleSet update(Caller caller, String key, AlertRule rule) {
        if (!key.equals(rule.key())) {
            throw new InvalidInput("The key in the body is not the one in the path.");
        }
        return changed(caller, () -> requireUpdated(jdbc.update("UPDATE alert_rules SET expression = ?, tag = ?,"
                + " runs_on = ?, updated_at = now() WHERE tenant_id = ? AND rule_key = ?", rule.expression().trim(),
                rule.tag(), rule.where().name(), caller.tenantId(), key)));
    }

    RuleSet delete(Caller caller, String key) {
        return changed(caller, () -> requireUpdated(jdbc.update("DELETE FROM alert_rules WHERE tenant_id = ?"
                + " AND rule_key = ?", caller.tenantId(), key)));
    }

    /** The sampling intervals, {@code {"gps": "PT5S"}}, replaced whole. */
    RuleSet replaceSampling(Caller caller, Map<String, String> sampling) {
        sampling.forEach(RuleSets::requireSampling);
        return changed(caller, () -> {
            jdbc.update("DELETE FROM sampling WHERE tenant_id = ?", caller.tenantId());
            sampling.forEach((channel, every) -> jdbc.update("INSERT INTO sampling (tenant_id, channel, every)"
                    + " VALUES (?, ?, ?)", caller.tenantId(), channel, every));
        });
    }

    /** Which version each truck applied, from its last heartbeat. */
    RolloutView rollout(UUID tenantId) {
        long version = current(tenantId).version();
        List<RolloutView.DeviceRollout> devices = fleet.appliedConfigs(tenantId).stream()
                .map(applied -> new RolloutView.DeviceRollout(applied.deviceId(), applied.version(),
                        applied.version() != null && applied.version() >= version))
                .toList();
        return new RolloutView(version, devices);
    }

    /** The change and its new version commit together; the push follows the commit. */
    private RuleSet changed(Caller caller, Runnable change) {
        RuleSet rules = transactions.execute(status -> {
            change.run();
            return bumped(caller.tenantId());
        });
        rollout.push(caller.tenantId(), rules, caller.name());
        return rules;
    }

    /** One statement, so concurrent changes each get their own version. */
    private RuleSet bumped(UUID tenantId) {
        jdbc.update("INSERT INTO rule_set_versions (tenant_id, version) VALUES (?, 1) ON CONFLICT (tenant_id)"
                + " DO UPDATE SET version = rule_set_versions.version + 1", tenantId);
        return current(tenantId);
    }

    private static void requireUpdated(int rows) {
        if (rows == 0) {
            throw new NotFound("There is no rule with this key.");
        }
    }

    private static void requireSampling(String channel, String every) {
        if (channel == null || !channel.matches("[a-z0-9_-]{1,64}") || every == null) {
            throw new InvalidInput("sampling maps channels (1-64 of a-z, 0-9, _, -) to ISO-8601 durations");
        }
        try {
            Duration interval = Duration.parse(every);
            if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofDays(1)) > 0) {
                throw new DateTimeParseException("out of range", every, 0);
            }
        } catch (DateTimeParseException e) {
            throw new InvalidInput("sampling intervals are ISO-8601 durations from PT0.1S to P1D, e.g. PT5S");
        }
    }
}
