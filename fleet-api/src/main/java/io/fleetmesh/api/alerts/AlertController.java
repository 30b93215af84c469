package io.fleetmesh.api.alerts;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.web.Refuses;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alerts: list with filters, get, acknowledge and resolve with a comment (409 if the alert is past that). */
@RestController
@Validated
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final AlertRepository alerts;
    private final OpenAlerts reading;
    private final AlertBook book;
    private final CurrentTenant tenant;
    private final Clock clock;

    AlertController(AlertRepository alerts, OpenAlerts reading, AlertBook book, CurrentTenant tenant, Clock clock) {
        this.alerts = alerts;
        this.reading = reading;
        this.book = book;
        this.tenant = tenant;
        this.clock = clock;
    }

    @GetMapping
    AlertPage list(@RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,64}") String device,
                   @RequestParam(required = false) AlertState state,
                   @RequestParam(required = false) Severity severity,
                   @RequestParam(required = false) AlertSource source,
                   @RequestParam(required = false) @Size(max = 200) String rule,
                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                   @RequestParam(required = false) @Size(max = 200) String cursor) {
        return reading.page(new AlertFilter(tenant.id(), device, state, severity, source, rule, cursor), limit);
    }

    @GetMapping("/{id}")
    AlertView get(@PathVariable UUID id) {
        return alerts.findByIdAndTenantId(id, tenant.id()).orElseThrow(AlertNotFoundException::new).view();
    }

    @PostMapping("/{id}/acknowledge")
    @Refuses(status = 409, detail = "An alert that is RESOLVED cannot be acknowledged.")
    AlertView acknowledge(@PathVariable UUID id, @Valid @RequestBody(required = false) AlertComment comment) {
        Caller caller = tenant.caller();
        return book.handle(caller.tenantId(), id, alert -> alert.acknowledge(caller.name(), clock.instant(), text(comment)))
                .view();
    }

    @PostMapping("/{id}/resolve")
    @Refuses(status = 409, detail = "An alert that is RESOLVED cannot be resolved.")
    AlertView resolve(@PathVariable UUID id, @Valid @RequestBody(required = false) AlertComment comment) {
        Caller caller = tenant.caller();
        return book.handle(caller.tenantId(), id, alert -> alert.resolve(caller.name(), clock.instant(), text(comment)))
                .view();
    }

    private static String text(AlertComment comment) {
        return comment == null ? null : comment.comment();
    }
}
