package io.fleetmesh.api.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/** The tenant's threshold rules; the alerts feature reads the CLOUD ones to evaluate them on stored readings. */
@Component
public class RuleBook {

    private final JdbcTemplate jdbc;

    RuleBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AlertRule> rules(UUID tenantId) {
        return jdbc.query("SELECT rule_key, expression, tag, runs_on FROM alert_rules WHERE tenant_id = ? ORDER BY rule_key",
                (rs, n) -> new AlertRule(rs.getString(1), rs.getString(2), rs.getString(3),
                        AlertRule.RunsOn.valueOf(rs.getString(4))), tenantId);
    }

    /** Channel to ISO-8601 interval. */
    Map<String, String> sampling(UUID tenantId) {
        Map<String, String> sampling = new TreeMap<>();
        jdbc.query("SELECT channel, every FROM sampling WHERE tenant_id = ?",
                (RowCallbackHandler) rs -> sampling.put(rs.getString(1), rs.getString(2)), tenantId);
        return sampling;
    }

    public List<AlertRule> cloudRules(UUID tenantId) {
        return rules(tenantId).stream().filter(rule -> rule.where() == AlertRule.RunsOn.CLOUD).toList();
    }
}
