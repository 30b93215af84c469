package io.fleetmesh.api.reports;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Reports over REST: JSON (raw units: metres, km/h, seconds, UTC) unless {@code format} asks for a CSV, XLSX or PDF
 * file in the caller's zone and units. Everything is checked before the first byte; rows are then written as read.
 */
@RestController
class ReportController {

    private final ReportRequests requests;
    private final Reports reports;

    ReportController(ReportRequests requests, Reports reports) {
        this.requests = requests;
        this.reports = reports;
    }

    @GetMapping({"/api/v1/reports/route", "/api/v1/reports/trips", "/api/v1/reports/stops", "/api/v1/reports/summary",
            "/api/v1/reports/drivers", "/api/v1/reports/fuel", "/api/v1/reports/events"})
    ResponseEntity<StreamingResponseBody> report(HttpServletRequest request,
                                                 @RequestParam(required = false) String device,
                                                 @RequestParam(required = false) String tag,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant from,
                                                 @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant to,
                                                 @RequestParam(defaultValue = "UTC") String zone,
                                                 @RequestParam(defaultValue = "metric") String units,
                                                 @RequestParam(defaultValue = "json") String format) {
        ReportKind kind = ReportKind.at(request.getRequestURI());
        ExportFormat export = ExportFormat.named(format);
        Units shown = Units.named(units);
        ReportQuery query = requests.query(device, tag, from, to, TimeZones.named(zone), Integer.MAX_VALUE);
        return ResponseEntity.ok().headers(headers(kind, query, export))
                .body(out -> reports.write(kind, query, export, shown, out));
    }

    private static HttpHeaders headers(ReportKind kind, ReportQuery query, ExportFormat format) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(format.mediaType()));
        if (format.download()) {
            headers.setContentDisposition(ContentDisposition.attachment()
                    .filename(Reports.fileName(kind, query, format)).build());
        }
        return headers;
    }
}
