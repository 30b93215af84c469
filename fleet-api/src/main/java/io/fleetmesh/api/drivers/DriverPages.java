package io.fleetmesh.api.drivers;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.web.FormChecks;
import jakarta.validation.Validator;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's drivers page: the registry with licences that have expired marked, a form to add one, delete. */
@Controller
class DriverPages {

    private final Drivers drivers;
    private final CurrentTenant tenant;
    private final Validator validator;

    DriverPages(Drivers drivers, CurrentTenant tenant, Validator validator) {
        this.drivers = drivers;
        this.tenant = tenant;
        this.validator = validator;
    }

    @GetMapping("/drivers")
    String page(Model model) {
        model.addAttribute("drivers", drivers.list(tenant.id())).addAttribute("caller", tenant.caller().name());
        return "drivers";
    }

    @PostMapping("/drivers")
    String create(@RequestParam String name, @RequestParam String identifier,
                  @RequestParam(defaultValue = "") String licenceExpires, @RequestParam(defaultValue = "") String phone,
                  RedirectAttributes redirect) {
        try {
            NewDriver driver = new NewDriver(name, identifier, FormChecks.date(licenceExpires), phone);
            DriverView created = drivers.create(tenant.id(), FormChecks.valid(validator, driver));
            redirect.addFlashAttribute("notice", "Driver " + created.name() + " added.");
        } catch (IllegalArgumentException | Refusal invalid) {
            redirect.addFlashAttribute("problem", "Not added: " + FormChecks.reason(invalid));
        }
        return "redirect:/drivers";
    }

    @PostMapping("/drivers/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            drivers.delete(tenant.id(), id);
            redirect.addFlashAttribute("notice", "Driver removed; their trips keep the identifier.");
        } catch (Refusal gone) {
            redirect.addFlashAttribute("problem", "Not removed: " + gone.detail());
        }
        return "redirect:/drivers";
    }
}
