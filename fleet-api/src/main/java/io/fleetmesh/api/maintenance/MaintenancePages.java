package io.fleetmesh.api.maintenance;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.FormChecks;
import io.fleetmesh.api.web.FormOutcome;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Comparator;
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
 * The dashboard's maintenance page: what is overdue or due soon first (or every device), the schedules, a form
 * for a new one; a service is recorded here or from the device's page, and the operator goes back where they were.
 */
@Controller
class MaintenancePages {

    private static final Comparator<DeviceMaintenance> URGENT_FIRST = Comparator
            .comparing((DeviceMaintenance m) -> m.state() != MaintenanceState.OVERDUE)
            .thenComparing(m -> m.state() != MaintenanceState.DUE_SOON).thenComparing(DeviceMaintenance::deviceId);

    private final Maintenance maintenance;
    private final CurrentTenant tenant;
    private final Validator validator;

    MaintenancePages(Maintenance maintenance, CurrentTenant tenant, Validator validator) {
        this.maintenance = maintenance;
        this.tenant = tenant;
        this.validator = validator;
    }

    @GetMapping("/maintenance")
    String page(@RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("statuses", maintenance.fleet(tenant.id(), all).stream().sorted(URGENT_FIRST).toList())
                .addAttribute("all", all).addAttribute("schedules", maintenance.schedules(tenant.id()))
                .addAttribute("caller", tenant.caller().name());
        return "maintenance";
    }

    @PostMapping("/maintenance/schedules")
    String create(@RequestParam String name, @RequestParam(defaultValue = "") String device,
                  @RequestParam(defaultValue = "") String tag, @RequestParam(defaultValue = "") String everyKm,
                  @RequestParam(defaultValue = "") String everyEngineHours, @RequestParam(defaultValue = "") String everyDays,
                  @RequestParam(defaultValue = "") String onDate, @RequestParam(defaultValue = "10") int soonPercent,
                  RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/maintenance", "Not created: ", () -> {
            Double days = number(everyDays, Double::valueOf);
            NewSchedule schedule = new NewSchedule(name, FormChecks.blankToNull(device), FormChecks.blankToNull(tag),
                    number(everyKm, Double::valueOf), number(everyEngineHours, Double::valueOf),
                    days == null ? null : (int) Math.floor(days), FormChecks.date(onDate), soonPercent);
            return "Schedule " + maintenance.create(tenant.caller(), FormChecks.valid(validator, schedule)).name() + " created.";
        });
    }

    @PostMapping("/maintenance/schedules/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/maintenance", "Not deleted: ", () -> {
            maintenance.delete(tenant.id(), id);
            return "Schedule deleted.";
        });
    }

    /** {@code back=device} returns to the device's page; anything else to this one (never an address from the form). */
    @PostMapping("/maintenance/devices/{deviceId}/schedules/{id}/services")
    String serviced(@PathVariable String deviceId, @PathVariable UUID id, @RequestParam(defaultValue = "") String date,
                    @RequestParam(defaultValue = "") String odometerKm, @RequestParam(defaultValue = "") String note,
                    @RequestParam(defaultValue = "") String cost, @RequestParam(defaultValue = "") String back,
                    RedirectAttributes redirect) {
        String to = back.equals("device") ? "/devices/" + deviceId : "/maintenance";
        return FormOutcome.redirect(redirect, to, "Not recorded: ", () -> {
            ServiceDone done = new ServiceDone(FormChecks.date(date), number(odometerKm, Double::valueOf), null,
                    FormChecks.blankToNull(note), number(cost, BigDecimal::new));
            DeviceMaintenance after = maintenance.recordService(tenant.caller(), deviceId, id, FormChecks.valid(validator, done));
            return "Service recorded: " + after.schedule() + " for " + deviceId + " is " + after.state() + " now.";
        });
    }

    private static <T> T number(String value, Function<String, T> parse) {
        try {
            return value.isBlank() ? null : parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("numbers are digits with a point, such as 15000 or 12.5");
        }
    }
}
