package io.fleetmesh.api.notifications;

import io.fleetmesh.api.alerts.Severity;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.operators.OperatorDirectory;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.web.FormChecks;
import jakarta.validation.Validator;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's notifications page: the tenant's rules, a form to add one, delete, and the delivery log. */
@Controller
class NotificationPages {

    private final NotificationRules rules;
    private final DeliveryLog log;
    private final OperatorDirectory operators;
    private final CurrentTenant tenant;
    private final Validator validator;

    NotificationPages(NotificationRules rules, DeliveryLog log, OperatorDirectory operators, CurrentTenant tenant,
                      Validator validator) {
        this.rules = rules;
        this.operators = operators;
        this.log = log;
        this.tenant = tenant;
        this.validator = validator;
    }

    @GetMapping("/notifications")
    String page(Model model) {
        model.addAttribute("rules", rules.list(tenant.id())).addAttribute("log", log.latest(tenant.id(), null, 100))
                .addAttribute("events", NotificationEvent.values()).addAttribute("severities", Severity.values())
                .addAttribute("caller", tenant.caller().name())
                .addAttribute("me", operators.contact(tenant.id(), tenant.caller().name()).orElse(null));
        return "notifications";
    }

    @PostMapping("/notifications/rules")
    String create(@RequestParam String name, @RequestParam(required = false) List<String> events,
                  @RequestParam Severity minSeverity, @RequestParam(defaultValue = "") String device,
                  @RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "") String quietFrom,
                  @RequestParam(defaultValue = "") String quietTo, @RequestParam(defaultValue = "UTC") String zone,
                  @RequestParam(defaultValue = "5") int rateWindowMinutes,
                  @RequestParam(defaultValue = "") String recipients, @RequestParam(defaultValue = "email") String channel,
                  @RequestParam(defaultValue = "") String workFrom, @RequestParam(defaultValue = "") String workTo,
                  RedirectAttributes redirect) {
        try {
            NewNotificationRule rule = new NewNotificationRule(name, events == null ? List.of() : events, minSeverity,
                    FormChecks.blankToNull(device), FormChecks.blankToNull(tag), channel, time(quietFrom), time(quietTo), zone,
                    rateWindowMinutes * 60, usernames(recipients), time(workFrom), time(workTo), null);
            rules.create(tenant.caller(), FormChecks.valid(validator, rule));
            redirect.addFlashAttribute("notice", "Rule " + name + " created.");
        } catch (IllegalArgumentException | Refusal invalid) {
            redirect.addFlashAttribute("problem", "Not created: " + FormChecks.reason(invalid));
        }
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/rules/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            rules.delete(tenant.id(), id);
            redirect.addFlashAttribute("notice", "Rule deleted.");
        } catch (Refusal gone) {
            redirect.addFlashAttribute("problem", "Not deleted: " + gone.detail());
        }
        return "redirect:/notifications";
    }

    private static List<String> usernames(String recipients) {
        return List.of(recipients.split("[,\\s]+")).stream().filter(name -> !name.isBlank()).toList();
    }

    private static LocalTime time(String value) {
        try {
            return value.isBlank() ? null : LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("times are HH:MM, such as 22:00");
        }
    }
}
