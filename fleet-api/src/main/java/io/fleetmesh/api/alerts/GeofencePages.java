package io.fleetmesh.api.alerts;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
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

/** The dashboard's geofences page: the tenant's geofences on a map and in a list, a form to add one, delete. */
@Controller
class GeofencePages {

    private final Geofences geofences;
    private final CurrentTenant tenant;
    private final Validator validator;

    GeofencePages(Geofences geofences, CurrentTenant tenant, Validator validator) {
        this.geofences = geofences;
        this.tenant = tenant;
        this.validator = validator;
    }

    @GetMapping("/geofences")
    String page(Model model) {
        model.addAttribute("geofences", geofences.list(tenant.id())).addAttribute("alertOns", GeofenceDefinition.AlertOn.values())
                .addAttribute("severities", Severity.values()).addAttribute("caller", tenant.caller().name());
        return "geofences";
    }

    /** A circle from its centre and radius, or a polygon from lines of {@code lat, lon}. */
    @PostMapping("/geofences")
    String create(@RequestParam String name, @RequestParam(defaultValue = "") String lat,
                  @RequestParam(defaultValue = "") String lon, @RequestParam(defaultValue = "") String radius,
                  @RequestParam(defaultValue = "") String polygon, @RequestParam GeofenceDefinition.AlertOn alertOn,
                  @RequestParam Severity severity, RedirectAttributes redirect) {
        try {
            geofences.create(tenant.id(), FormChecks.valid(validator, new NewGeofence(name, shape(lat, lon, radius, polygon), alertOn,
                    severity)));
            redirect.addFlashAttribute("notice", "Geofence " + name + " created.");
        } catch (IllegalArgumentException invalid) {
            redirect.addFlashAttribute("problem", "Not created: " + invalid.getMessage());
        }
        return "redirect:/geofences";
    }

    @PostMapping("/geofences/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            geofences.delete(tenant.id(), id);
            redirect.addFlashAttribute("notice", "Geofence deleted.");
        } catch (Refusal gone) {
            redirect.addFlashAttribute("problem", "Not deleted: " + gone.detail());
        }
        return "redirect:/geofences";
    }

    private static GeofenceShape shape(String lat, String lon, String radius, String polygon) {
        if (!polygon.isBlank()) {
            List<List<Double>> points = polygon.lines().filter(line -> !line.isBlank()).map(GeofencePages::point).toList();
            return new GeofenceShape(null, points);
        }
        try {
            return new GeofenceShape(new GeofenceShape.Circle(Double.parseDouble(lat), Double.parseDouble(lon),
                    Double.parseDouble(radius)), null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("give a circle's latitude, longitude and radius, or a polygon's points");
        }
    }

    private static List<Double> point(String line) {
        try {
            return Arrays.stream(line.split(",")).map(String::trim).map(Double::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("each polygon line is 'lat, lon': " + line.strip());
        }
    }
}
