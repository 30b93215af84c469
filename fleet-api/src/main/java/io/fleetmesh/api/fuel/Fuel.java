package io.fleetmesh.api.fuel;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.reports.Period;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The fuel feature as the API, the pages and other features use it: settings per device, and usage over a period. */
@Component
public class Fuel {

    private final FuelLog log;
    private final DeviceDirectory directory;
    private final Clock clock;

    Fuel(FuelLog log, DeviceDirectory directory, Clock clock) {
        this.log = log;
        this.directory = directory;
        this.clock = clock;
    }

    FuelSettings settings(UUID tenant, String device) {
        directory.requireRegistered(tenant, device);
        return log.settings(tenant, device).orElseThrow(() -> new NotFound("This device has no fuel settings."));
    }

    /** The device's settings, if its fuel is analysed (for a device known to be the tenant's, as a page shows it). */
    public Optional<FuelSettings> settingsOf(UUID tenant, String device) {
        return log.settings(tenant, device);
    }

    @Transactional
    FuelSettings setSettings(UUID tenant, String device, FuelSettings settings) {
        directory.requireRegistered(tenant, device);
        FuelSettings checked = settings.checked();
        log.saveSettings(tenant, device, checked);
        return checked;
    }

    @Transactional
    void deleteSettings(UUID tenant, String device) {
        directory.requireRegistered(tenant, device);
        if (!log.deleteSettings(tenant, device)) {
            throw new NotFound("This device has no fuel settings.");
        }
    }

    /** The devices whose fuel is analysed (they have settings). */
    public Set<String> analysed(UUID tenant) {
        return log.analysed(tenant);
    }

    /** The device's fuel over the period (the last day unless said, at most 31 days). */
    public FuelUsage usage(UUID tenant, String device, Instant from, Instant to) {
        directory.requireRegistered(tenant, device);
        Period period = Period.of(from, to, clock.instant());
        return between(tenant, device, period.from(), period.to());
    }

    /** The same for a device known to be the tenant's (a report's rows): no check, no limit on the period. */
    public FuelUsage between(UUID tenant, String device, Instant from, Instant to) {
        Double start = log.levelAt(tenant, device, from, true).or(() -> log.levelAt(tenant, device, from, false))
                .orElse(null);
        Double end = log.levelAt(tenant, device, to, true).orElse(null);
        return FuelUsage.of(from, to, start, end, log.changes(tenant, device, from, to));
    }
}
