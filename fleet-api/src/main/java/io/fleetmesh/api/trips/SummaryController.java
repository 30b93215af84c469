package io.fleetmesh.api.trips;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.InvalidInput;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The summary report: per device per day, distance, driving time, engine hours, max speed, trips, stops and
 * odometers, for one device, a tag or the whole fleet, days in the caller's time zone (UTC unless said).
 */
@RestController
class SummaryController {

    private final TripSummaries summaries;
    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final Clock clock;

    SummaryController(TripSummaries summaries, DeviceDirectory directory, CurrentTenant tenant, Clock clock) {
        this.summaries = summaries;
        this.directory = directory;
        this.tenant = tenant;
        this.clock = clock;
    }

    @GetMapping("/api/v1/reports/summary")
    List<DaySummary> summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                             @RequestParam(required = false) String device, @RequestParam(required = false) String tag,
                             @RequestParam(defaultValue = "UTC") String zone) {
        UUID tenantId = tenant.id();
        return summaries.of(tenantId, devices(tenantId, device, tag), Period.of(from, to, clock.instant()), zone(zone));
    }

    private List<String> devices(UUID tenantId, String device, String tag) {
        if (device != null && tag != null) {
            throw new InvalidInput("Invalid report scope", "Give a device or a tag, not both.", Map.of());
        }
        if (device != null) {
            directory.requireRegistered(tenantId, device);
            return List.of(device);
        }
        return tag == null ? null : directory.withTag(tenantId, tag);
    }

    /** A region (Europe/Berlin) or UTC: PostgreSQL reads offsets such as GMT+2 the POSIX way, the other way round. */
    private static ZoneId zone(String zone) {
        try {
            ZoneId id = ZoneId.of(zone);
            if (id.normalized() instanceof ZoneOffset offset) {
                return offset.getTotalSeconds() == 0 ? ZoneId.of("UTC") : refused(zone);
            }
            return id;
        } catch (DateTimeException e) {
            return refused(zone);
        }
    }

    private static ZoneId refused(String zone) {
        throw new InvalidInput("Unknown time zone", "zone must be an IANA time zone such as Europe/Berlin.",
                    Map.of("zone", zone));
    }
}
