package io.fleetmesh.api.reports;

import io.fleetmesh.api.devices.DeviceRules;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.Refusal;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's reports page: pick a report, a scope and days, read its first rows, download it as a file. */
@Controller
@Validated
class ReportPages {

    static final int PREVIEW = 200;
    private static final List<String> ZONES = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")).sorted()).toList();

    private final ReportRequests requests;
    private final Reports reports;
    private final CurrentTenant tenant;

    ReportPages(ReportRequests requests, Reports reports, CurrentTenant tenant) {
        this.requests = requests;
        this.reports = reports;
        this.tenant = tenant;
    }

    @GetMapping("/reports")
    String reports(@RequestParam(required = false) ReportKind kind,
                   @RequestParam(required = false) @Pattern(regexp = "|" + DeviceRules.ID) String device,
                   @RequestParam(required = false) @Pattern(regexp = "|" + DeviceRules.TAG) String tag,
                   @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                   @RequestParam(defaultValue = "UTC") String zone, @RequestParam(defaultValue = "metric") String units,
                   Model model) {
        model.addAttribute("caller", tenant.caller().name()).addAttribute("kinds", ReportKind.values())
                .addAttribute("zones", ZONES).addAttribute("unitsChoice", Units.values());
        try {
            ReportForm form = form(kind, device, tag, from, to, zone, units);
            model.addAttribute("form", form);
            if (kind != null) {
                shown(form, model);
            }
        } catch (Refusal refused) {
            model.addAttribute("problem", refused.detail()).addAttribute("form", fallback(kind, device, tag, from, to));
        }
        return "reports";
    }

    private ReportForm form(ReportKind kind, String device, String tag, LocalDate from, LocalDate to, String zone,
                            String units) {
        ZoneId id = TimeZones.named(zone);
        LocalDate today = LocalDate.ofInstant(requests.now(), id);
        return new ReportForm(kind == null ? ReportKind.TRIPS : kind, blank(device), blank(tag),
                from == null ? today : from, to == null ? today : to, id, Units.named(units));
    }

    private void shown(ReportForm form, Model model) {
        ReportQuery query = requests.query(form.device(), form.tag(), form.start(), form.end(), form.zone(), PREVIEW);
        model.addAttribute("preview", reports.preview(form.kind(), query, form.units()))
                .addAttribute("exports", Arrays.stream(ExportFormat.values()).filter(ExportFormat::download)
                        .map(format -> Map.of("format", format.name(), "href", form.export(format),
                                "file", Reports.fileName(form.kind(), query, format))).toList());
    }

    /** The form as the operator filled it, for a period or zone that was refused. */
    private ReportForm fallback(ReportKind kind, String device, String tag, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.ofInstant(requests.now(), ZoneId.of("UTC"));
        return new ReportForm(kind == null ? ReportKind.TRIPS : kind, blank(device), blank(tag),
                from == null ? today : from, to == null ? today : to, ZoneId.of("UTC"), Units.METRIC);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
