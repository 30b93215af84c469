package io.fleetmesh.api.reportschedules;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.reports.ReportKind;
import io.fleetmesh.api.web.FormChecks;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's report schedules: each with its last run, a form for a new one, send the last period now, delete. */
@Controller
class ReportSchedulePages {

    private static final String PAGE = "redirect:/reports/schedules";

    private final ReportSchedules schedules;
    private final ReportScheduler scheduler;
    private final CurrentTenant tenant;
    private final Validator validator;

    ReportSchedulePages(ReportSchedules schedules, ReportScheduler scheduler, CurrentTenant tenant, Validator validator) {
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.tenant = tenant;
        this.validator = validator;
    }

    @GetMapping("/reports/schedules")
    String page(Model model) {
        model.addAttribute("schedules", schedules.list(tenant.id())).addAttribute("kinds", ReportKind.values())
                .addAttribute("frequencies", ReportFrequency.values()).addAttribute("caller", tenant.caller().name());
        return "report-schedules";
    }

    /** Recipients and addresses are typed as lists separated by commas or spaces. */
    @PostMapping("/reports/schedules")
    String create(@RequestParam String name, @RequestParam String kind, @RequestParam(defaultValue = "") String device,
                  @RequestParam(defaultValue = "") String tag, @RequestParam String frequency,
                  @RequestParam(defaultValue = "UTC") String zone, @RequestParam(defaultValue = "XLSX") String format,
                  @RequestParam(defaultValue = "") String recipients, @RequestParam(defaultValue = "") String emails,
                  RedirectAttributes redirect) {
        try {
            NewReportSchedule body = new NewReportSchedule(name, kind, device.isBlank() ? null : List.of(device.strip()),
                    FormChecks.blankToNull(tag), frequency, FormChecks.blankToNull(zone), format, null, list(recipients),
                    list(emails), true);
            String created = schedules.create(tenant.caller(), FormChecks.valid(validator, body)).name();
            redirect.addFlashAttribute("notice", "Schedule " + created + " created.");
        } catch (IllegalArgumentException | Refusal invalid) {
            redirect.addFlashAttribute("problem", "Not created: " + FormChecks.reason(invalid));
        }
        return PAGE;
    }

    @PostMapping("/reports/schedules/{id}/send-now")
    String sendNow(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            ReportRunView run = scheduler.sendNow(tenant.id(), id);
            redirect.addFlashAttribute("notice", "The report from " + run.periodStart() + " is " + run.state()
                    + (run.lastError() == null ? "." : ": " + run.lastError()));
        } catch (Refusal gone) {
            redirect.addFlashAttribute("problem", "Not sent: " + gone.detail());
        }
        return PAGE;
    }

    @PostMapping("/reports/schedules/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            schedules.delete(tenant.id(), id);
            redirect.addFlashAttribute("notice", "Schedule deleted, and its run log with it.");
        } catch (Refusal gone) {
            redirect.addFlashAttribute("problem", "Not deleted: " + gone.detail());
        }
        return PAGE;
    }

    private static List<String> list(String typed) {
        return Arrays.stream(typed.split("[,\\s]+")).filter(item -> !item.isBlank()).toList();
    }
}
