package io.fleetmesh.api.alerts;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's alerts page: filter, acknowledge and resolve with a comment (the API's alert book). */
@Controller
@Validated
class AlertPages {

    private static final int PAGE = 50;

    private final OpenAlerts reading;
    private final AlertBook book;
    private final CurrentTenant tenant;
    private final Clock clock;

    AlertPages(OpenAlerts reading, AlertBook book, CurrentTenant tenant, Clock clock) {
        this.reading = reading;
        this.book = book;
        this.tenant = tenant;
        this.clock = clock;
    }

    @GetMapping("/alerts")
    String list(@RequestParam(required = false) AlertState state, @RequestParam(required = false) Severity severity,
                @RequestParam(required = false) @Pattern(regexp = "|[a-z0-9-]{1,64}") String device,
                @RequestParam(required = false) @Size(max = 200) String cursor, Model model) {
        String one = device == null || device.isBlank() ? null : device;
        AlertFilter filter = new AlertFilter(tenant.id(), one, state, severity, null, null,
                cursor == null || cursor.isBlank() ? null : cursor);
        AlertPage page = reading.page(filter, PAGE);
        model.addAttribute("alerts", page.items())
                .addAttribute("nextCursor", page.nextCursor()).addAttribute("state", state)
                .addAttribute("severity", severity).addAttribute("device", one)
                .addAttribute("states", AlertState.values()).addAttribute("severities", Severity.values())
                .addAttribute("caller", tenant.caller().name());
        return "alerts";
    }

    /** Acknowledge or resolve, with an optional comment. */
    @PostMapping("/alerts/{id}/{action:acknowledge|resolve}")
    String handle(@PathVariable UUID id, @PathVariable String action,
                  @RequestParam(defaultValue = "") @Size(max = 1000) String comment, RedirectAttributes redirect) {
        Caller caller = tenant.caller();
        String note = comment.isBlank() ? null : comment;
        return handled(redirect, action.equals("resolve") ? "resolved" : "acknowledged", () -> book.handle(caller.tenantId(),
                id, alert -> {
                    if (action.equals("resolve")) {
                        alert.resolve(caller.name(), clock.instant(), note);
                    } else {
                        alert.acknowledge(caller.name(), clock.instant(), note);
                    }
                }));
    }

    /** Post, redirect, get: the outcome is shown once on the alerts page. */
    private static String handled(RedirectAttributes redirect, String what, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", "Alert " + what + ".");
        } catch (Refusal refused) {
            redirect.addFlashAttribute("problem", "Not " + what + ": " + refused.detail());
        }
        return "redirect:/alerts";
    }
}
