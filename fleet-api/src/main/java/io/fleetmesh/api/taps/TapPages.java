package io.fleetmesh.api.taps;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.FormOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The taps page: every tap with its lag, floor, redeliveries, throughput, gaps and dead letters; a form to create one
 * (its reader's credentials shown once), and per tap pause or resume, a reset to a sequence, and delete.
 * Administrators change; viewers look.
 */
@Controller
class TapPages {

    private static final String FAILED = "Not done: ";

    private final Taps taps;
    private final CurrentTenant tenant;

    TapPages(Taps taps, CurrentTenant tenant) {
        this.taps = taps;
        this.tenant = tenant;
    }

    @GetMapping("/taps")
    String page(Model model) {
        model.addAttribute("taps", taps.list(tenant.id())).addAttribute("caller", tenant.caller().name());
        return "taps";
    }

    /** The credentials go to the next page view only (a flash attribute), and nowhere else. */
    @PostMapping("/taps")
    String create(@RequestParam String name, @RequestParam String source, @RequestParam(defaultValue = "") String filter,
                  @RequestParam(defaultValue = "new") String start, @RequestParam(defaultValue = "") String export,
                  RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/taps", FAILED, () -> {
            CreatedTap created = taps.create(tenant.caller(), new NewTap(name.strip(), source, filter.strip(), start, null, null, null, null, null, export));
            redirect.addFlashAttribute("credentials", created.credentials());
            return "Tap " + created.tap().name() + " reads " + created.tap().filter() + "." + (created.tap().export() != null
                    ? " fleet-api writes it into " + created.tap().export() + " files." : created.credentials() == null
                    ? " This hub is open: any client reads it without credentials." : "");
        });
    }

    @PostMapping("/taps/{name}/pause")
    String pause(@PathVariable String name, @RequestParam boolean paused, RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/taps", FAILED, () -> "Tap " + taps.pause(tenant.caller(), name, paused).name()
                + (paused ? " is paused: its reader is cut off, its place kept." : " is reading again."));
    }

    @PostMapping("/taps/{name}/reset")
    String reset(@PathVariable String name, @RequestParam long sequence, RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/taps", FAILED, () -> "Tap " + taps.reset(tenant.caller(), name,
                new TapReset(sequence, null)).name() + " reads from sequence " + sequence + " on.");
    }

    @PostMapping("/taps/{name}/delete")
    String delete(@PathVariable String name, RedirectAttributes redirect) {
        return FormOutcome.redirect(redirect, "/taps", FAILED, () -> {
            taps.delete(tenant.caller(), name);
            return "Tap " + name + " is deleted and its credentials revoked.";
        });
    }
}
