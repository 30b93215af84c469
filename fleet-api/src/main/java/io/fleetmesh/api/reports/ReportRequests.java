package io.fleetmesh.api.reports;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.refusals.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A caller's report request, checked before anything is written: the scope in their tenant, the period, the zone. */
@Component
class ReportRequests {

    private final DeviceDirectory directory;
    private final CurrentTenant tenant;
    private final Clock clock;

    ReportRequests(DeviceDirectory directory, CurrentTenant tenant, Clock clock) {
        this.directory = directory;
        this.tenant = tenant;
        this.clock = clock;
    }

    /** A device, a tag or (neither) the whole fleet, from..to (the last day unless said), at most {@code limit} rows. */
    ReportQuery query(String device, String tag, Instant from, Instant to, ZoneId zone, int limit) {
        UUID tenantId = tenant.id();
        return new ReportQuery(tenantId, devices(tenantId, device, tag), Period.of(from, to, clock.instant()), zone, limit);
    }

    Instant now() {
        return clock.instant();
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
}
