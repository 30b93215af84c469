package io.fleetmesh.api.packages;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.web.FormChecks;
import io.fleetmesh.api.web.StreamedForm;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rollouts page's upload form: what the API's PUT takes, as a multipart form whose file comes last, streamed into
 * the Object Store as it arrives (see StreamedForm), up to {@code fleetmesh.packages.max-size}; administrators only.
 */
@Controller
class PackagePages {

    private final Packages packages;
    private final CurrentTenant tenant;

    PackagePages(Packages packages, CurrentTenant tenant) {
        this.packages = packages;
        this.tenant = tenant;
    }

    @PostMapping("/packages")
    String upload(HttpServletRequest request, RedirectAttributes redirect) throws IOException {
        try {
            PackageView stored = StreamedForm.read(request, (fields, file) -> packages.upload(tenant.caller(),
                    described(fields), file));
            redirect.addFlashAttribute("notice", "Package %s@%s uploaded (%d bytes).".formatted(stored.name(),
                    stored.version(), stored.sizeBytes()));
        } catch (Refusal refused) {
            redirect.addFlashAttribute("problem", "Not uploaded: " + FormChecks.reason(refused));
        }
        return "redirect:/rollouts";
    }

    private static NewPackage described(Map<String, String> fields) {
        return NewPackage.of(fields.getOrDefault("name", ""), fields.getOrDefault("version", ""),
                fields.getOrDefault("kind", ""), fields.get("target"), fields.get("signature"), fields.get("description"));
    }
}
