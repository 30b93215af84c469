package io.fleetmesh.api.rules;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Edge rules, managed centrally: every change makes a new version of the tenant's rule configuration and pushes it
 * to the trucks ({@code apply-config}); {@code GET /api/v1/rules/rollout} shows which version each truck applied.
 */
@RestController
@RequestMapping("/api/v1/rules")
class RuleController {

    private final JdbcTemplate jdbc;
    private final RuleBook book;
    private final RuleRollout rollout;
    private final CurrentTenant tenant;
    private final TransactionTemplate transactions;

    RuleController(JdbcTemplate jdbc, RuleBook book, RuleRollout rollout, CurrentTenant tenant,
                   PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.book = book;
        this.rollout = rollout;
        this.tenant = tenant;
    }

    @GetMapping
    RuleSet list() {
        return current(tenant.id());
    }

    @PostMapping
    ResponseEntity<RuleSet> create(@Valid @RequestBody AlertRule rule) {
        try {
            jdbc.update("INSERT INTO alert_rules (id, tenant_id, rule_key, expression, tag, runs_on) VALUES (?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), tenant.id(), rule.key(), rule.expression().trim(), rule.tag(), rule.where().name());
        } catch (DuplicateKeyException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A rule with this key exists.");
        }
        return ResponseEntity.created(URI.create("/api/v1/rules/" + rule.key())).body(changed());
    }

    @PutMapping("/{key}")
    RuleSet update(@PathVariable String key, @Valid @RequestBody AlertRule rule) {
        if (!key.equals(rule.key())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The key in the body is not the one in the path.");
        }
        requireUpdated(jdbc.update("UPDATE alert_rules SET expression = ?, tag = ?, runs_on = ?, updated_at = now()"
                + " WHERE tenant_id = ? AND rule_key = ?", rule.expression().trim(), rule.tag(), rule.where().name(),
                tenant.id(), key));
        return changed();
    }

    @DeleteMapping("/{key}")
    RuleSet delete(@PathVariable String key) {
        requireUpdated(jdbc.update("DELETE FROM alert_rules WHERE tenant_id = ? AND rule_key = ?", tenant.id(), key));
        return changed();
    }

    /** The sampling intervals, {@code {"gps": "PT5S"}}: replaced whole, a new version pushed with the rules. */
    @PutMapping("/sampling")
    RuleSet sampling(@RequestBody Map<String, String> sampling) {
        sampling.forEach(RuleController::requireSampling);
        UUID tenantId = tenant.id();
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM sampling WHERE tenant_id = ?", tenantId);
            sampling.forEach((channel, every) -> jdbc.update("INSERT INTO sampling (tenant_id, channel, every)"
                    + " VALUES (?, ?, ?)", tenantId, channel, every));
        });
        return changed();
    }

    private static void requireSampling(String channel, String every) {
        if (channel == null || !channel.matches("[a-z0-9_-]{1,64}") || every == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sampling maps channels (1-64 of a-z, 0-9, _, -)"
                    + " to ISO-8601 durations");
        }
        try {
            Duration interval = Duration.parse(every);
            if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofDays(1)) > 0) {
                throw new DateTimeParseException("out of range", every, 0);
            }
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sampling intervals are ISO-8601 durations from"
                    + " PT0.1S to P1D, e.g. PT5S");
        }
    }

    @GetMapping("/rollout")
    RolloutView rollout() {
        long version = current(tenant.id()).version();
        // device_state.status is the agent's last heartbeat (telemetry feature), read here for its configVersion only
        List<RolloutView.DeviceRollout> devices = jdbc.query("SELECT d.id, (s.status->>'configVersion')::bigint AS applied"
                + " FROM devices d LEFT JOIN device_state s ON s.tenant_id = d.tenant_id AND s.device_id = d.id"
                + " WHERE d.tenant_id = ? ORDER BY d.id", (rs, n) -> {
                    Long applied = (Long) rs.getObject("applied");
                    return new RolloutView.DeviceRollout(rs.getString("id"), applied, applied != null && applied >= version);
                }, tenant.id());
        return new RolloutView(version, devices);
    }

    /** A new version with the rules as they are now, pushed to the trucks. */
    private RuleSet changed() {
        Caller caller = tenant.caller();
        RuleSet rules = bumped(caller.tenantId());
        rollout.push(caller.tenantId(), rules, caller.name());
        return rules;
    }

    /** One statement, so concurrent changes each get their own version. */
    private RuleSet bumped(UUID tenantId) {
        jdbc.update("INSERT INTO rule_set_versions (tenant_id, version) VALUES (?, 1) ON CONFLICT (tenant_id)"
                + " DO UPDATE SET version = rule_set_versions.version + 1", tenantId);
        return current(tenantId);
    }

    private RuleSet current(UUID tenantId) {
        Long version = jdbc.query("SELECT version FROM rule_set_versions WHERE tenant_id = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, tenantId);
        return new RuleSet(version, book.rules(tenantId), book.sampling(tenantId));
    }

    private static void requireUpdated(int rows) {
        if (rows == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no rule with this key.");
        }
    }
}
