package io.fleetmesh.api.trips;

import io.fleetmesh.api.trips.DetectorState.Mode;
import io.fleetmesh.api.trips.DetectorState.Pending;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Trips and stops from one device's readings in time order, a pure state machine (no clock, no I/O): the same
 * readings give the same segments however they are split between calls, which is what lets detection run
 * incrementally, resume from a stored state, and agree between a truck's live readings and its late backfill.
 * Time passing without readings changes nothing: a halt becomes a stop only when a reading shows it lasted.
 */
final class TripDetector {

    private final TripSettings settings;
    private final Map<Skip, Integer> skipped = new EnumMap<>(Skip.class);
    private final List<Segment> closed = new ArrayList<>();
    private Mode mode;
    private Span open;
    private Pending pending;
    private Place lastFix;
    private boolean lastMoving;
    private Instant lastEngineAt;
    private Boolean running;
    private Counters counters;
    private int jumpsInARow;
    private DetectorState openStopResume;
    private String driver;

    TripDetector(TripSettings settings, DetectorState state) {
        this.settings = settings;
        this.mode = state.mode();
        this.open = state.open();
        this.pending = state.pending();
        this.lastFix = state.lastFix();
        this.lastMoving = state.lastMoving();
        this.lastEngineAt = state.lastEngineAt();
        this.running = state.running();
        this.counters = state.counters();
        this.jumpsInARow = state.jumpsInARow();
        this.driver = state.driver();
        // an arrival snapshot (a stop's resume) is the only stopped state without one of its own: it is its own
        this.openStopResume = state.mode() == Mode.STOPPED && state.openStopResume() == null ? state : state.openStopResume();
    }

    DetectorState state() {
        return new DetectorState(mode, open, pending, lastFix, lastMoving, lastEngineAt, running, counters, jumpsInARow,
                openStopResume, driver);
    }

    /** The segments closed since the last call, oldest first. */
    List<Segment> drain() {
        List<Segment> drained = List.copyOf(closed);
        closed.clear();
        return drained;
    }

    Map<Skip, Integer> skipped() {
        return Map.copyOf(skipped);
    }

    void skipped(Skip reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    void accept(Sample sample) {
        if (sample instanceof Sample.Fix fix) {
            fix(fix);
        } else if (sample instanceof Sample.Badge badge) {
            driver = badge.driver();
        } else {
            engine((Sample.Engine) sample);
        }
        drive();
        rememberArrival();
    }

    /** Whoever is badged in drives the spans under way that have no driver yet. */
    private void drive() {
        if (driver == null) {
            return;
        }
        open = open == null ? null : open.drivenBy(driver);
        pending = pending == null ? null : pending.drivenBy(driver);
    }

    private void fix(Sample.Fix fix) {
        Skip skip = FixCheck.skip(fix, lastFix, settings, jumpsInARow);
        jumpsInARow = skip == Skip.JUMP ? jumpsInARow + 1 : 0;
        if (skip != null) {
            skipped(skip);
            return;
        }
        Place here = new Place(fix.ts(), fix.lat(), fix.lon());
        boolean gap = lastFix != null && longerThan(lastFix.until(here), settings.minNoDataDuration());
        if (gap) {
            silence();
        }
        double step = lastFix == null ? 0 : lastFix.metersTo(here);
        if (fix.speedKmh() != null && !FixCheck.believable(fix, settings)) {
            skipped(Skip.SPEED);
        }
        Double speed = FixCheck.speed(fix, lastFix, step, settings);
        boolean moving = speed != null && speed >= settings.speedThresholdKmh();
        double travelled = moving || lastMoving ? step : 0;
        Counters atLastFix = counters;
        counters = counters.travelled(travelled);
        Span departure = Span.startingAt(gap || lastFix == null ? here : lastFix, gap ? counters : atLastFix);
        advance(here, departure, active(moving), travelled, speed);
        lastFix = here;
        lastMoving = moving;
    }

    private void engine(Sample.Engine engine) {
        if (lastEngineAt != null && engine.ts().isBefore(lastEngineAt)) {
            skipped(Skip.BACKWARDS);
            return;
        }
        if (Boolean.TRUE.equals(running) && lastEngineAt != null
                && !longerThan(Duration.between(lastEngineAt, engine.ts()), settings.minNoDataDuration())) {
            ran(Duration.between(lastEngineAt, engine.ts()).toMillis() / 1000.0);
        }
        lastEngineAt = engine.ts();
        running = engine.running() == null ? running : engine.running();
        counters = counters.reported(engine.odometerKm(), engine.engineHours());
        if (settings.useIgnition() && running != null) {
            Place here = lastFix == null ? new Place(engine.ts(), null, null) : lastFix.at(engine.ts());
            advance(here, Span.startingAt(here, counters), running, 0, null);
        }
    }

    /** With {@code useIgnition}, the ignition says whether a trip goes on once it is known; else motion does. */
    private boolean active(boolean moving) {
        return settings.useIgnition() && running != null ? running : moving;
    }

    private void ran(double seconds) {
        counters = counters.ran(seconds);
        if (open != null) {
            open = open.ran(seconds);
        }
        if (pending != null) {
            pending = pending.ran(seconds);
        }
    }

    /**
     * One step of the machine at {@code here}; {@code departure} is the trip that would start now: from the last fix
     * before the first moving one, or from here after a silence or when the ignition turned on.
     */
    private void advance(Place here, Span departure, boolean active, double travelled, Double speed) {
        if (mode == Mode.UNKNOWN) {
            mode = active ? Mode.MOVING : Mode.STOPPED;
            open = Span.startingAt(here, counters);
        }
        open = open.moved(travelled, speed);
        pending = change(here, departure, active);
        if (pending != null) {
            pending = pending.moved(travelled, speed);
        }
        confirm(here);
    }

    /** The change under way: a departure while stopped and active, a halt while moving and not; else none. */
    private Pending change(Place here, Span departure, boolean active) {
        boolean changing = active ? mode == Mode.STOPPED : mode == Mode.MOVING;
        if (!changing) {
            return null;
        }
        if (pending != null) {
            return pending;
        }
        return new Pending(active ? departure : Span.startingAt(here, counters), open, null);
    }

    /** A pending change becomes real once it lasted (or went far) enough. */
    private void confirm(Place here) {
        if (pending == null) {
            return;
        }
        Span change = pending.span();
        if (mode == Mode.STOPPED && departed(change, here)) {
            close(pending.before().stopUntil(change, openStopResume), Mode.MOVING, change, null);
        } else if (mode == Mode.MOVING && parked(change, here)) {
            close(pending.before().tripUntil(change), Mode.STOPPED, change, pending.resume());
        }
    }

    private boolean departed(Span trip, Place here) {
        return trip.start().metersTo(here) >= settings.minTripDistanceM()
                || !trip.start().until(here).minus(settings.minTripDuration()).isNegative();
    }

    private boolean parked(Span stop, Place here) {
        return settings.useIgnition() && running != null
                || !stop.start().until(here).minus(settings.minParkingDuration()).isNegative();
    }

    private void close(Segment segment, Mode next, Span opened, DetectorState stopResume) {
        closed.add(segment);
        mode = next;
        open = opened;
        pending = null;
        openStopResume = stopResume;
    }

    /**
     * No fix for longer than {@code minNoDataDuration}: a trip ends at its last fix (or where it was already halting),
     * and a departure that was not yet confirmed is forgotten.
     */
    private void silence() {
        if (mode == Mode.MOVING && pending != null) {
            close(pending.before().tripUntil(pending.span()), Mode.STOPPED, pending.span(), pending.resume());
        } else if (mode == Mode.MOVING) {
            Span stop = Span.startingAt(lastFix, counters);
            close(open.tripUntil(stop), Mode.STOPPED, stop, arrival(stop));
        } else {
            pending = null;
        }
    }

    /** A halt or a stop just begun keeps the detector as it is now, stopped there, to resume from it. */
    private void rememberArrival() {
        if (mode == Mode.STOPPED && openStopResume == null) {
            openStopResume = arrival(open);
        } else if (mode == Mode.MOVING && pending != null && pending.resume() == null) {
            pending = pending.resumable(arrival(pending.span()));
        }
    }

    private DetectorState arrival(Span stop) {
        return new DetectorState(Mode.STOPPED, stop, null, lastFix, lastMoving, lastEngineAt, running, counters,
                jumpsInARow, null, driver);
    }

    private static boolean longerThan(Duration duration, Duration limit) {
        return duration.compareTo(limit) > 0;
    }
}
