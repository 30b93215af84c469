package io.fleetmesh.api.operators;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.web.FormChecks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's login page and one's own password page (where a temporary password must be changed first). */
@Controller
class AccountPages {

    private final OwnPasswords ownPasswords;
    private final OperatorContacts contacts;
    private final CurrentTenant tenant;
    private final Validator validator;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountPages(OwnPasswords ownPasswords, OperatorContacts contacts, CurrentTenant tenant, Validator validator) {
        this.ownPasswords = ownPasswords;
        this.contacts = contacts;
        this.tenant = tenant;
        this.validator = validator;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("caller", tenant.caller().name());
        return "password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        Caller caller = tenant.caller();
        try {
            PasswordChange change = new PasswordChange(currentPassword, newPassword);
            validator.validate(change).stream().findFirst().ifPresent(violation -> {
                throw new IllegalArgumentException("The new password must have " + violation.getMessage() + ".");
            });
            ownPasswords.change(caller, change);
        } catch (IllegalArgumentException | ResponseStatusException refused) {
            model.addAttribute("caller", caller.name()).addAttribute("problem", reason(refused));
            return "password";
        }
        keepSignedIn(caller, request, response);
        return "redirect:/?passwordChanged";
    }

    /** The session's authentication no longer carries the password-change requirement. */
    private void keepSignedIn(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller.authenticated());
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

    /** One's own e-mail address, language and zone, from the notifications page. */
    @PostMapping("/account/contact")
    String changeContact(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "en") String language,
                         @RequestParam(defaultValue = "UTC") String zone, RedirectAttributes redirect) {
        try {
            contacts.changeOwn(tenant.caller(), FormChecks.valid(validator, new ContactChange(email, language, zone)));
            redirect.addFlashAttribute("notice", "Your contact details are saved.");
        } catch (IllegalArgumentException | Refusal refused) {
            redirect.addFlashAttribute("problem", "Not saved: " + (refused instanceof Refusal r ? r.detail() : refused.getMessage()));
        }
        return "redirect:/notifications";
    }

    private static String reason(RuntimeException e) {
        return e instanceof ResponseStatusException status ? status.getReason() : e.getMessage();
    }
}
