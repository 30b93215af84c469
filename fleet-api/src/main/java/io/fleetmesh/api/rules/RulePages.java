package io.fleetmesh.api.rules;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.web.FormChecks;
import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's rules page: the rules and their version, a form to create or edit one, and which version each
 * truck applied (changing as their heartbeats report it). Every change goes through the same rule sets as the API.
 */
@Controller
class RulePages {

    private final RuleSets rules;
    private final CurrentTenant tenant;
    private final Validator validator;

    RulePages(RuleSets rules, CurrentTenant tenant, Validator validator) {
        this.rules = rules;
        this.tenant = tenant;
        this.validator = validator;
    }

    @GetMapping("/rules")
    String page(@RequestParam(required = false) String edit, Model model) {
        RuleSet current = rules.current(tenant.id());
        model.addAttribute("rules", current).addAttribute("rollout", rules.rollout(tenant.id()))
                .addAttribute("editing", current.rules().stream().filter(rule -> rule.key().equals(edit)).findFirst().orElse(null))
                .addAttribute("caller", tenant.caller().name());
        return "rules";
    }

    @PostMapping("/rules")
    String save(@RequestParam String key, @RequestParam String expression, @RequestParam(defaultValue = "") String tag,
                @RequestParam(defaultValue = "EDGE") AlertRule.RunsOn runsOn,
                @RequestParam(defaultValue = "false") boolean existing, RedirectAttributes redirect) {
        AlertRule rule = new AlertRule(key, expression, tag.isBlank() ? null : tag, runsOn);
        Caller caller = tenant.caller();
        return outcome(redirect, "Rule " + key + " saved; version pushed to the trucks.", () -> {
            FormChecks.valid(validator, rule);
            if (existing) {
                rules.update(caller, key, rule);
            } else {
                rules.create(caller, rule);
            }
        });
    }

    @PostMapping("/rules/{key}/delete")
    String delete(@PathVariable String key, RedirectAttributes redirect) {
        return outcome(redirect, "Rule " + key + " deleted; version pushed to the trucks.", () -> rules.delete(tenant.caller(), key));
    }

    private static String outcome(RedirectAttributes redirect, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (IllegalArgumentException invalid) {
            redirect.addFlashAttribute("problem", "Not saved: " + invalid.getMessage());
        } catch (Refusal refused) {
            redirect.addFlashAttribute("problem", "Not saved: " + refused.detail());
        }
        return "redirect:/rules";
    }
}
