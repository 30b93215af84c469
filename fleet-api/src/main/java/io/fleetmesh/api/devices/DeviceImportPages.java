package io.fleetmesh.api.devices;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.refusals.Refusal;
import io.fleetmesh.api.web.StreamedForm;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard's bulk import: upload a CSV, then watch its progress and see each row's outcome. */
@Controller
class DeviceImportPages {

    /** The page lists this many rows' outcomes; the API has them all. */
    private static final int SHOWN_ROWS = 1000;
    /** 50,000 rows of a long id, name, kind and a few tags. */
    private static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

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

    /** The CSV is read as it arrives (see StreamedForm), up to {@link #MAX_FILE_BYTES}. */
    @PostMapping("/imports")
    String upload(HttpServletRequest request, RedirectAttributes redirect) throws IOException {
        try {
            UUID id = StreamedForm.read(request, (fields, file) -> imports.start(tenant.caller(), csv(file)));
            return "redirect:/imports/" + id;
        } catch (Refusal unreadable) {
            redirect.addFlashAttribute("problem", "Not imported: " + unreadable.detail());
            return "redirect:/imports";
        }
    }

    private static String csv(InputStream file) throws IOException {
        byte[] bytes = file.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidInput("File too large", "A CSV file has at most 10 MB here; larger imports go through"
                    + " POST /api/v1/device-imports.", Map.of());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @GetMapping("/imports/{id}")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("run", queries.find(tenant.id(), id, SHOWN_ROWS)).addAttribute("shownRows", SHOWN_ROWS)
                .addAttribute("caller", tenant.caller().name());
        return "import";
    }
}
