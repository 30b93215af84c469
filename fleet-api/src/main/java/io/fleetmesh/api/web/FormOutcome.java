package io.fleetmesh.api.web;

import io.fleetmesh.api.refusals.Refusal;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A dashboard form's answer: back to the page with what was done as its notice, or with why not as its problem (a
 * refusal's detail, or the form's own error), never an error page.
 */
public final class FormOutcome {

    /** What the form does; its notice. */
    public interface Step {
        String run();
    }

    private FormOutcome() {
    }

    /** {@code failed}: how the problem begins ("Not created: "). */
    public static String redirect(RedirectAttributes redirect, String to, String failed, Step step) {
        try {
            redirect.addFlashAttribute("notice", step.run());
        } catch (IllegalArgumentException | Refusal refused) {
            redirect.addFlashAttribute("problem", failed + FormChecks.reason(refused));
        }
        return "redirect:" + to;
    }
}
