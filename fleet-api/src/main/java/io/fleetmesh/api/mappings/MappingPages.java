package io.fleetmesh.api.mappings;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.web.FormOutcome;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subject mappings page: the current mappings, a form to add one (a new version of the set), a button to remove
 * one, a dry-run of a sample subject, and the versions with a button to restore each; administrators only change.
 */
@Controller
class MappingPages {

    private final SubjectMappings mappings;
    private final CurrentTenant tenant;

    MappingPages(SubjectMappings mappings, CurrentTenant tenant) {
        this.mappings = mappings;
        this.tenant = tenant;
    }

    @GetMapping("/mappings")
    String page(@RequestParam(required = false) String sample, Model model) {
        model.addAttribute("current", mappings.current(tenant.id())).addAttribute("versions", mappings.history(tenant.id()))
                .addAttribute("caller", tenant.caller().name()).addAttribute("sample", sample);
        if (sample != null && !sample.isBlank()) {
            try {
                model.addAttribute("dryRun", mappings.dryRun(tenant.id(), sample.strip()));
            } catch (Refusal refused) {
                model.addAttribute("problem", "Not mapped: " + refused.detail());
            }
        }
        return "mappings";
    }

    /** {@code version}: the version the form showed, so a change made meanwhile is not overwritten. */
    @PostMapping("/mappings")
    String add(@RequestParam String source, @RequestParam String destination, @RequestParam(defaultValue = "") String weight,
               @RequestParam int version, RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/mappings", "Not changed: ", () -> {
            List<MappingRule> rules = new ArrayList<>(mappings.current(tenant.id()).rules());
            rules.add(new MappingRule(source.strip(), List.of(new MappingRule.Destination(destination.strip(), percent(weight)))));
            return changed(mappings.replace(tenant.caller(), rules, "added " + source.strip(), version));
        });
    }

    @PostMapping("/mappings/{index}/delete")
    String remove(@PathVariable int index, @RequestParam int version, RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/mappings", "Not changed: ", () -> {
            List<MappingRule> rules = new ArrayList<>(mappings.current(tenant.id()).rules());
            if (index < 0 || index >= rules.size()) {
                throw new IllegalArgumentException("there is no mapping " + index + " in the current version");
            }
            MappingRule removed = rules.remove(index);
            return changed(mappings.replace(tenant.caller(), rules, "removed " + removed.source(), version));
        });
    }

    @PostMapping("/mappings/versions/{version}/restore")
    String restore(@PathVariable String version, RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/mappings", "Not changed: ", () -> changed(mappings.restore(tenant.caller(), version)));
    }

    private static String changed(MappingChange change) {
        return "Version %d is current%s.".formatted(change.mappings().version(),
                change.applied() ? " and applied by the hub" : " (stored; the hub applies mappings in operator mode only)");
    }

    private static Integer percent(String weight) {
        try {
            return weight.isBlank() ? null : Integer.valueOf(weight.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a weight is a whole percent, 1 to 100");
        }
    }
}
