package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.CurrentTenant;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/devices/{deviceId}")
class TelemetryController {

    private static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    private final TelemetryQueries queries;
    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final Clock clock;

    TelemetryController(TelemetryQueries queries, DeviceDirectory directory, CurrentTenant tenant, Clock clock) {
        this.queries = queries;
        this.directory = directory;
        this.tenant = tenant;
        this.clock = clock;
    }

    /** Readings in [from, to), newest first unless order=asc; from defaults to 24 hours before to, to to now. */
    @GetMapping("/telemetry")
    TelemetryPage readings(@PathVariable String deviceId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                           @RequestParam(required = false) @Pattern(regexp = "[a-z0-9_.-]{1,132}") String channel,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(10_000) int limit,
                           @RequestParam(defaultValue = "desc") @Pattern(regexp = "asc|desc") String order) {
        directory.requireRegistered(tenant.id(), deviceId);
        Instant end = end(to);
        Instant start = start(from, end, DEFAULT_RANGE);
        var query = new TelemetryQuery(tenant.id(), deviceId, start, end, channel, limit, order.equals("asc"));
        return new TelemetryPage(deviceId, start, end, queries.readings(query));
    }

    /** One channel's numeric metrics averaged over buckets of the range (default: the last hour), for charts. */
    @GetMapping("/telemetry/series")
    TelemetrySeries series(@PathVariable String deviceId,
                           @RequestParam @Pattern(regexp = "[a-z0-9_.-]{1,132}") String channel,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        directory.requireRegistered(tenant.id(), deviceId);
        Instant end = end(to);
        Instant start = start(from, end, Duration.ofHours(1));
        var query = new TelemetryQuery(tenant.id(), deviceId, start, end, channel, 0, true);
        long bucket = TelemetrySeries.bucketSeconds(start, end);
        return TelemetrySeries.of(query, bucket, queries.series(query, bucket));
    }

    /**
     * The same series as CSV, a download: a {@code time} column and one per metric ({@code metric=a&metric=b}: only
     * those, in that order).
     */
    @GetMapping(path = "/telemetry/series.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> seriesCsv(@PathVariable String deviceId,
                                     @RequestParam @Pattern(regexp = "[a-z0-9_.-]{1,132}") String channel,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                     @RequestParam(required = false) @Size(max = 100)
                                     List<@Pattern(regexp = TelemetryNames.METRIC) String> metric) {
        TelemetrySeries series = series(deviceId, channel, from, to);
        ContentDisposition file = ContentDisposition.attachment().filename(deviceId + "-" + channel + ".csv").build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, file.toString())
                .body(SeriesCsv.of(series, metric));
    }

    @GetMapping("/telemetry/latest")
    LatestValues latest(@PathVariable String deviceId) {
        directory.requireRegistered(tenant.id(), deviceId);
        return queries.latest(tenant.id(), deviceId);
    }

    /** Online or offline, and the agent's last status heartbeat (backlog, discarded, version). */
    @GetMapping("/status")
    DeviceStatus status(@PathVariable String deviceId) {
        directory.requireRegistered(tenant.id(), deviceId);
        return queries.status(tenant.id(), deviceId);
    }

    /** A range ends now unless the caller says otherwise. */
    private Instant end(Instant to) {
        return to != null ? to : clock.instant();
    }

    /** A range starts {@code span} before its end unless the caller says otherwise, and always before its end. */
    private static Instant start(Instant from, Instant end, Duration span) {
        Instant start = from != null ? from : end.minus(span);
        if (!start.isBefore(end)) {
            throw rangeProblem();
        }
        return start;
    }

    private static ErrorResponseException rangeProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "from must be before to.");
        problem.setTitle("Invalid time range");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
