package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.packages.Packages;
import io.fleetmesh.api.web.FormChecks;
import io.fleetmesh.api.web.FormOutcome;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rollouts page: the tenant's packages, its rollouts with their trucks counted by state and wave (kept live by
 * the page's script), a form to start one and buttons to steer them; administrators only act.
 */
@Controller
class RolloutPages {

    private final Rollouts rollouts;
    private final Packages packages;
    private final CurrentTenant tenant;
    private final Validator validator;

    RolloutPages(Rollouts rollouts, Packages packages, CurrentTenant tenant, Validator validator) {
        this.rollouts = rollouts;
        this.packages = packages;
        this.tenant = tenant;
        this.validator = validator;
    }

    @GetMapping("/rollouts")
    String page(Model model) {
        model.addAttribute("rollouts", rollouts.list(tenant.id())).addAttribute("packages", packages.list(tenant.id()))
                .addAttribute("caller", tenant.caller().name());
        return "rollouts";
    }

    /** {@code package} is {@code name@version}, as the form's choice gives it. */
    @PostMapping("/rollouts")
    String start(@RequestParam String name, @RequestParam(name = "package", defaultValue = "") String chosen,
                 @RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "") String devices,
                 @RequestParam(defaultValue = "1") int canary, @RequestParam(defaultValue = "10, 100") String percents,
                 @RequestParam(defaultValue = "") String installWhen, RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/rollouts", "Not started: ", () -> {
            String[] pkg = chosen.split("@", 2);
            NewRollout body = new NewRollout(name, pkg[0], pkg.length > 1 ? pkg[1] : "", list(devices, Function.identity()),
                    FormChecks.blankToNull(tag), canary, list(percents, Integer::valueOf), null, null, null, null, null,
                    list(installWhen, Function.identity()));
            return "Rollout " + rollouts.create(tenant.caller(), FormChecks.valid(validator, body)).name() + " started.";
        });
    }

    @PostMapping("/rollouts/{id}/{action:pause|resume|cancel}")
    String steer(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/rollouts", "Not done: ", () -> {
            RolloutView after = switch (action) {
                case "pause" -> rollouts.pause(tenant.id(), id);
                case "resume" -> rollouts.resume(tenant.id(), id);
                default -> rollouts.cancel(tenant.id(), id);
            };
            return "Rollout " + after.name() + " is " + after.status().toLowerCase() + " now.";
        });
    }

    /** A comma-separated field as a list (null when empty); numbers that are not are the form's error. */
    private static <T> List<T> list(String field, Function<String, T> parse) {
        List<String> parts = Arrays.stream(field.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
        try {
            return parts.isEmpty() ? null : parts.stream().map(parse).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("percents are whole numbers separated by commas, such as 10, 100");
        }
    }
}
