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
    }

    DetectorState state() {
        return new DetectorState(mode, open, pending, lastFix, lastMoving, lastEngineAt, running, counters, jumpsInARow);
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
        } else {
            engine((Sample.Engine) sample);
        }
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
        advance(here, gap || lastFix == null ? here : lastFix, active(moving), travelled, speed);
        counters = counters.travelled(travelled);
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
            advance(here, here, running, 0, null);
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
            pending = new Pending(pending.span().ran(seconds), pending.before());
        }
    }

    /**
     * One step of the machine at {@code here}; {@code departure} is where a trip that starts now began (the last fix
     * before the first moving one, or here after a silence or when the ignition turned on).
     */
    private void advance(Place here, Place departure, boolean active, double travelled, Double speed) {
        if (mode == Mode.UNKNOWN) {
            begin(here, active);
        }
        open = open.moved(travelled, speed);
        switch (mode) {
            case STOPPED -> whileStopped(departure, active);
            case MOVING -> whileMoving(here, active);
            case UNKNOWN -> throw new IllegalStateException("begun above");
        }
        if (pending != null) {
            pending = new Pending(pending.span().moved(travelled, speed), pending.before());
        }
        confirm(here);
    }

    private void begin(Place here, boolean active) {
        mode = active ? Mode.MOVING : Mode.STOPPED;
        open = Span.startingAt(here, counters);
    }

    private void whileStopped(Place departure, boolean active) {
        if (!active) {
            pending = null;
        } else if (pending == null) {
            pending = new Pending(Span.startingAt(departure, counters), open);
        }
    }

    private void whileMoving(Place here, boolean active) {
        if (active) {
            pending = null;
        } else if (pending == null) {
            pending = new Pending(Span.startingAt(here, counters), open);
        }
    }

    /** A pending change becomes real once it lasted (or went far) enough. */
    private void confirm(Place here) {
        if (pending == null) {
            return;
        }
        Span change = pending.span();
        if (mode == Mode.STOPPED && departed(change, here)) {
            close(pending.before().stopUntil(change.start()), Mode.MOVING, change);
        } else if (mode == Mode.MOVING && parked(change, here)) {
            close(pending.before().tripTo(change.start(), counters), Mode.STOPPED, change);
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

    private void close(Segment segment, Mode next, Span opened) {
        closed.add(segment);
        mode = next;
        open = opened;
        pending = null;
    }

    /**
     * No fix for longer than {@code minNoDataDuration}: a trip ends at its last fix (or where it was already halting),
     * and a departure that was not yet confirmed is forgotten.
     */
    private void silence() {
        if (mode == Mode.MOVING) {
            Place end = pending != null ? pending.span().start() : lastFix;
            Span trip = pending != null ? pending.before() : open;
            close(trip.tripTo(end, counters), Mode.STOPPED, pending != null ? pending.span() : Span.startingAt(end, counters));
        } else {
            pending = null;
        }
    }

    private static boolean longerThan(Duration duration, Duration limit) {
        return duration.compareTo(limit) > 0;
    }
}
