package io.fleetmesh.api.trips;

import io.fleetmesh.api.telemetry.DeviceReadings;
import io.fleetmesh.api.telemetry.ReadingsStored;
import io.fleetmesh.api.telemetry.TelemetryChanges;
import io.fleetmesh.api.telemetry.TelemetryChanges.Changed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs trip detection as readings are stored: each round takes the devices with new readings (or a rewind asked
 * for), and per device, in one repeatable-read transaction holding its tracker, takes its changes, feeds the
 * readings after its checkpoint to the detector and stores the segments closed with the new state (ADR 0010).
 * A change older than the checkpoint (a late reading, a recompute) starts detection again at the last stop before it.
 * Replicas share the work: a tracker another one holds is skipped. A stop closed is a trip begun: told as
 * {@link TripEvents.TripStarted} when its departure is recent (a backfill or recompute only stores its trips).
 */
@Component
class TripFollower {

    private static final Logger log = LoggerFactory.getLogger(TripFollower.class);
    static final int CHUNK = 5_000;
    private static final int DEVICES_PER_ROUND = 200;
    private static final Duration TOLD_WITHIN = Duration.ofHours(1);

    private final TelemetryChanges changes;
    private final DeviceReadings readings;
    private final Trackers trackers;
    private final TripLog trips;
    private final TripThresholds thresholds;
    private final TripMetrics metrics;
    private final TransactionTemplate repeatableRead;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TripFollower(TelemetryChanges changes, DeviceReadings readings, Trackers trackers, TripLog trips,
                 TripThresholds thresholds, TripMetrics metrics, PlatformTransactionManager transactions,
                 ApplicationEventPublisher events, Clock clock) {
        this.changes = changes;
        changes.follow(Samples.CHANNELS);
        this.readings = readings;
        this.trackers = trackers;
        this.trips = trips;
        this.thresholds = thresholds;
        this.metrics = metrics;
        this.repeatableRead = new TransactionTemplate(transactions);
        this.repeatableRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.events = events;
        this.clock = clock;
    }

    /** What one device's round did, counted once it committed. */
    record Round(int readings, List<Segment> closed, Map<Skip, Integer> skipped, boolean rewound) {
    }

    /** Rounds until no device moves on, for at most five seconds. */
    @Scheduled(fixedDelayString = "${fleetmesh.trips.poll:1s}")
    void poll() {
        long until = System.nanoTime() + 5_000_000_000L;
        while (round() > 0 && System.nanoTime() < until) {
            log.debug("trip detection goes on");
        }
    }

    /** Returns how many devices moved on. */
    int round() {
        Set<Changed> devices = new LinkedHashSet<>(trackers.due(DEVICES_PER_ROUND));
        devices.addAll(changes.devices(DEVICES_PER_ROUND));
        return (int) devices.stream().filter(this::follow).count();
    }

    private boolean follow(Changed device) {
        try {
            trackers.ensure(device.tenantId(), device.deviceId());
            Round round = repeatableRead.execute(status -> followHeld(device));
            if (round != null) {
                metrics.counted(round);
            }
            return round != null;
        } catch (ConcurrencyFailureException e) {
            log.debug("trip detection of {} left to the replica that changed it: {}", device.deviceId(), e.toString());
            return false;
        } catch (RuntimeException e) {
            metrics.failed();
            log.warn("trip detection of {} failed, retried next round: {}", device.deviceId(), e.toString());
            return false;
        }
    }

    private Round followHeld(Changed device) {
        Optional<Trackers.Tracker> held = trackers.lock(device.tenantId(), device.deviceId());
        if (held.isEmpty()) {
            return null;
        }
        Trackers.Tracker tracker = held.get();
        Instant changed = changes.take(device.tenantId(), device.deviceId(), Samples.CHANNELS).orElse(null);
        if (changed == null && tracker.atRest()) {
            // No reading trips uses arrived (a change noted before a follower named its channels): the round would
            // find nothing after the checkpoint but the held-back newest time, and hold it back again.
            return null;
        }
        TripSettings settings = thresholds.of(device.tenantId(), tracker.settings());
        Start start = start(device, tracker, changed, settings);
        return detect(device, tracker, start, settings);
    }

    /** Where detection goes on from: the checkpoint, or the last stop before an earlier change. */
    private record Start(DetectorState state, Instant after, boolean rewound) {
    }

    private Start start(Changed device, Trackers.Tracker tracker, Instant changed, TripSettings settings) {
        Instant rewind = earliest(tracker.rewindFrom(), changed != null && tracker.checkpoint() != null
                && !changed.isAfter(tracker.checkpoint()) ? changed : null);
        if (rewind == null && tracker.state() != null) {
            return new Start(tracker.state(), tracker.checkpoint(), false);
        }
        Optional<DetectorState> resume = rewind == null ? Optional.empty()
                : trips.resumeBefore(device.tenantId(), device.deviceId(), rewind, settings.minParkingDuration());
        trips.forgetFrom(device.tenantId(), device.deviceId(), resume.map(state -> state.open().start().at()).orElse(null));
        return resume.map(state -> new Start(state, state.consumedUntil(), true))
                .orElse(new Start(DetectorState.INITIAL, null, true));
    }

    private Round detect(Changed device, Trackers.Tracker tracker, Start start, TripSettings settings) {
        List<ReadingsStored.Stored> batch = readings.after(device.tenantId(), device.deviceId(), Samples.CHANNELS,
                start.after(), CHUNK + 1);
        boolean behind = batch.size() > CHUNK;
        List<ReadingsStored.Stored> taken = complete(batch);
        TripDetector detector = new TripDetector(settings, start.state());
        for (ReadingsStored.Stored reading : taken) {
            Samples.of(reading).ifPresentOrElse(detector::accept, () -> detector.skipped(Skip.NO_POSITION));
        }
        List<Segment> closed = detector.drain();
        trips.save(device.tenantId(), device.deviceId(), closed);
        started(device, closed);
        Instant checkpoint = taken.isEmpty() ? start.after() : taken.get(taken.size() - 1).ts();
        trackers.save(device.tenantId(), device.deviceId(), detector.state(), checkpoint, behind,
                added(tracker.skipped(), detector.skipped()));
        return new Round(taken.size(), closed, detector.skipped(), start.rewound());
    }

    /**
     * The readings without those of the newest time: its other channels may still be on their way (in the next
     * batch), and detection takes a time whole or not at all, so that a reading older than the checkpoint can only
     * be a late one. A time with more readings than a round takes is taken as it is.
     */
    static List<ReadingsStored.Stored> complete(List<ReadingsStored.Stored> batch) {
        if (batch.isEmpty()) {
            return batch;
        }
        Instant newest = batch.get(batch.size() - 1).ts();
        int end = batch.size();
        while (end > 0 && batch.get(end - 1).ts().equals(newest)) {
            end--;
        }
        return batch.subList(0, end == 0 && batch.size() > CHUNK ? batch.size() : end);
    }

    private void started(Changed device, List<Segment> closed) {
        Instant recent = clock.instant().minus(TOLD_WITHIN);
        closed.stream().filter(Segment.Stop.class::isInstance).map(stop -> ((Segment.Stop) stop).departure())
                .filter(departure -> departure.at().isAfter(recent))
                .forEach(departure -> events.publishEvent(new TripEvents.TripStarted(device.tenantId(), device.deviceId(),
                        departure.at(), departure.lat(), departure.lon())));
    }

    private static Map<Skip, Integer> added(Map<Skip, Integer> before, Map<Skip, Integer> now) {
        Map<Skip, Integer> sum = new EnumMap<>(Skip.class);
        sum.putAll(before);
        now.forEach((reason, count) -> sum.merge(reason, count, Integer::sum));
        return sum;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
