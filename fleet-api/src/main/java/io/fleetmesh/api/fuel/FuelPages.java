package io.fleetmesh.api.fuel;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.web.FormChecks;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The device page's fuel form: the tank and where its level is read; both return to the device's page. */
@Controller
class FuelPages {

    private final Fuel fuel;
    private final CurrentTenant tenant;

    FuelPages(Fuel fuel, CurrentTenant tenant) {
        this.fuel = fuel;
        this.tenant = tenant;
    }

    @PostMapping("/devices/{deviceId}/fuel-settings")
    String set(@PathVariable String deviceId, @RequestParam(defaultValue = "") String tankLitres,
               @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String metric,
               @RequestParam(defaultValue = "") String unit, RedirectAttributes redirect) {
        try {
            FuelSettings set = fuel.setSettings(tenant.id(), deviceId, new FuelSettings(litres(tankLitres),
                    FormChecks.blankToNull(channel), FormChecks.blankToNull(metric), FormChecks.blankToNull(unit)));
            redirect.addFlashAttribute("notice", String.format(Locale.ROOT, "Fuel of a %.0f l tank is analysed from %s.%s,"
                    + " its history included.", set.tankLitres(), set.channel(), set.metric()));
        } catch (IllegalArgumentException | Refusal invalid) {
            redirect.addFlashAttribute("problem", "Fuel settings not saved: " + FormChecks.reason(invalid));
        }
        return "redirect:/devices/" + deviceId;
    }

    @PostMapping("/devices/{deviceId}/fuel-settings/delete")
    String delete(@PathVariable String deviceId, RedirectAttributes redirect) {
        fuel.deleteSettings(tenant.id(), deviceId);
        redirect.addFlashAttribute("notice", "Fuel is no longer analysed for " + deviceId + ".");
        return "redirect:/devices/" + deviceId;
    }

    private static Double litres(String value) {
        try {
            return value.isBlank() ? null : Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the tank size is a number of litres, such as 400");
        }
    }
}
