package io.fleetmesh.api.rules;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Edge rules, managed centrally: every change makes a new version of the tenant's rule configuration and pushes it
 * to the trucks ({@code apply-config}); {@code GET /api/v1/rules/rollout} shows which version each truck applied.
 */
@RestController
@RequestMapping("/api/v1/rules")
class RuleController {

    private final RuleSets ruleSets;
    private final CurrentTenant tenant;

    RuleController(RuleSets ruleSets, CurrentTenant tenant) {
        this.ruleSets = ruleSets;
        this.tenant = tenant;
    }

    @GetMapping
    RuleSet list() {
        return ruleSets.current(tenant.id());
    }

    @PostMapping
    @Refuses(status = 409, detail = "A rule with this key exists.")
    ResponseEntity<RuleSet> create(@Valid @RequestBody AlertRule rule) {
        RuleSet changed = ruleSets.create(tenant.caller(), rule);
        return ResponseEntity.created(URI.create("/api/v1/rules/" + rule.key())).body(changed);
    }

    @PutMapping("/{key}")
    RuleSet update(@PathVariable String key, @Valid @RequestBody AlertRule rule) {
        return ruleSets.update(tenant.caller(), key, rule);
    }

    @DeleteMapping("/{key}")
    RuleSet delete(@PathVariable String key) {
        return ruleSets.delete(tenant.caller(), key);
    }

    /** The sampling intervals, {@code {"gps": "PT5S"}}: replaced whole, a new version pushed with the rules. */
    @PutMapping("/sampling")
    RuleSet sampling(@RequestBody Map<String, String> sampling) {
        return ruleSets.replaceSampling(tenant.caller(), sampling);
    }

    @GetMapping("/rollout")
    RolloutView rollout() {
        return ruleSets.rollout(tenant.id());
    }
}
