package io.fleetmesh.api.devices;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's bulk import: upload a CSV, then watch its progress and see each row's outcome. */
@Controller
class DeviceImportPages {

    /** The page lists this many rows' outcomes; the API has them all. */
    private static final int SHOWN_ROWS = 1000;

    private final DeviceImports imports;
    private final DeviceImportQueries queries;
    private final CurrentTenant tenant;

    DeviceImportPages(DeviceImports imports, DeviceImportQueries queries, CurrentTenant tenant) {
        this.imports = imports;
        this.queries = queries;
        this.tenant = tenant;
    }

    @GetMapping("/imports")
    String form(Model model) {
        model.addAttribute("imports", queries.latest(tenant.id(), 10)).addAttribute("caller", tenant.caller().name());
        return "imports";
    }

    @PostMapping("/imports")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            UUID id = imports.start(tenant.caller(), new String(file.getBytes(), StandardCharsets.UTF_8));
            return "redirect:/imports/" + id;
        } catch (Refusal unreadable) {
            redirect.addFlashAttribute("problem", "Not imported: " + unreadable.detail());
            return "redirect:/imports";
        }
    }

    @GetMapping("/imports/{id}")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("run", queries.find(tenant.id(), id, SHOWN_ROWS)).addAttribute("shownRows", SHOWN_ROWS)
                .addAttribute("caller", tenant.caller().name());
        return "import";
    }
}
