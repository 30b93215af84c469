package io.fleetmesh.api.trips;

import io.fleetmesh.api.reports.Period;
import io.fleetmesh.api.devices.DeviceDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The trips feature as the API and the pages use it: a device's trips, stops, counters, thresholds and recompute. */
@Component
public class Trips {

    private final TripQueries queries;
    private final Trackers trackers;
    private final TripThresholds thresholds;
    private final DeviceDirectory directory;
    private final Clock clock;

    Trips(TripQueries queries, Trackers trackers, TripThresholds thresholds, DeviceDirectory directory, Clock clock) {
        this.queries = queries;
        this.trackers = trackers;
        this.thresholds = thresholds;
        this.directory = directory;
        this.clock = clock;
    }

    /** Closed trips overlapping the period, then the one under way (if it does). */
    public List<TripView> trips(UUID tenant, String device, Instant from, Instant to) {
        Period period = period(tenant, device, from, to);
        List<TripView> trips = new ArrayList<>(queries.trips(tenant, device, period));
        tracker(tenant, device).flatMap(tracker -> Ongoing.trip(device, tracker)).filter(trip -> overlaps(period,
                trip.startedAt(), trip.endedAt())).ifPresent(trips::add);
        return trips;
    }

    public List<StopView> stops(UUID tenant, String device, Instant from, Instant to) {
        Period period = period(tenant, device, from, to);
        List<StopView> stops = new ArrayList<>(queries.stops(tenant, device, period));
        tracker(tenant, device).flatMap(tracker -> Ongoing.stop(device, tracker)).filter(stop -> overlaps(period,
                stop.arrivedAt(), stop.departedAt())).ifPresent(stops::add);
        return stops;
    }

    /** The device's counters now (404 for a device the tenant does not have). */
    public Odometer odometer(UUID tenant, String device) {
        directory.requireRegistered(tenant, device);
        return Ongoing.odometer(device, tracker(tenant, device).orElse(null));
    }

    /** Offsets so that the counters read what the operator read off the vehicle. */
    Odometer setOdometer(UUID tenant, String device, OdometerSetting setting) {
        directory.requireRegistered(tenant, device);
        trackers.ensure(tenant, device);
        Trackers.Tracker tracker = tracker(tenant, device).orElseThrow();
        Odometer now = Ongoing.odometer(device, tracker);
        double odometer = setting.odometerMeters() == null ? tracker.odometerOffsetM()
                : tracker.odometerOffsetM() + setting.odometerMeters() - now.odometerMeters();
        double hours = setting.engineHours() == null ? tracker.engineOffsetH()
                : tracker.engineOffsetH() + setting.engineHours() - now.engineHours();
        trackers.offsets(tenant, device, odometer, hours);
        return odometer(tenant, device);
    }

    /** Detection starts again from the last stop before {@code from} (from the first reading if null). */
    void recompute(UUID tenant, String device, Instant from) {
        directory.requireRegistered(tenant, device);
        trackers.ensure(tenant, device);
        trackers.rewind(tenant, device, from);
    }

    TripSettings fleetSettings(UUID tenant) {
        return thresholds.fleet(tenant);
    }

    TripSettings setFleetSettings(UUID tenant, TripSettings settings) {
        thresholds.setFleet(tenant, settings.checked());
        return settings;
    }

    TripSettings deviceSettings(UUID tenant, String device) {
        directory.requireRegistered(tenant, device);
        return thresholds.of(tenant, tracker(tenant, device).map(Trackers.Tracker::settings).orElse(null));
    }

    /** The device's own thresholds; null goes back to the fleet's. */
    TripSettings setDeviceSettings(UUID tenant, String device, TripSettings settings) {
        directory.requireRegistered(tenant, device);
        trackers.ensure(tenant, device);
        trackers.settings(tenant, device, settings == null ? null : settings.checked());
        return deviceSettings(tenant, device);
    }

    private Period period(UUID tenant, String device, Instant from, Instant to) {
        directory.requireRegistered(tenant, device);
        return Period.of(from, to, clock.instant());
    }

    /** Empty for a device detection has not met yet (no readings, no settings): reads write nothing. */
    private Optional<Trackers.Tracker> tracker(UUID tenant, String device) {
        return trackers.find(tenant, device);
    }

    private static boolean overlaps(Period period, Instant start, Instant end) {
        return start.isBefore(period.to()) && !end.isBefore(period.from());
    }
}
