package io.fleetmesh.api.fuel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds refuels and drains in a device's fuel levels, reading by reading (pure; the follower stores its state).
 * Each level goes through a running median first, so that one wild reading is dropped. While the vehicle drives
 * its level only follows consumption. Parked, a change is measured from the level it last stood at: past the
 * refuel or drain threshold within the window, it is a change once the new level has held for the settle time;
 * back near the old level before that, it was a glitch or sloshing; slower than the window, it was consumption
 * (a reefer idling) and the base moves on.
 */
final class FuelDetector {

    /** A filtered level, kept once a minute: consumption over any period is read from these. */
    record Level(Instant at, double litres) {
    }

    private final FuelThresholds thresholds;
    private final List<Double> recent;
    private boolean moving;
    private Double base;
    private Instant nearAt;
    private FuelState.Pending change;
    private Instant levelAt;
    private final List<FuelChange> changes = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();

    FuelDetector(FuelThresholds thresholds, FuelState state) {
        this.thresholds = thresholds;
        this.recent = new ArrayList<>(state.recent());
        this.moving = state.moving();
        this.base = state.base();
        this.nearAt = state.nearAt();
        this.change = state.change();
        this.levelAt = state.levelAt();
    }

    FuelState state() {
        return new FuelState(List.copyOf(recent), moving, base, nearAt, change, levelAt);
    }

    /** The vehicle's speed at {@code at}: driving off ends a change under way, at the level it last reached. */
    void speed(Instant at, double kmh) {
        boolean drives = kmh > thresholds.movingKmh();
        if (drives && !moving && change != null) {
            endChange(change.anchorAt(), change.anchor());
        }
        moving = drives;
    }

    /** A raw level reading, in litres. */
    void level(Instant at, double litres) {
        double filtered = filtered(litres);
        keep(at, filtered);
        if (moving || base == null) {
            rebase(at, filtered);
        } else if (change != null) {
            settle(at, filtered);
        } else {
            watch(at, filtered);
        }
    }

    /** The changes found since the last call, in order. */
    List<FuelChange> changes() {
        List<FuelChange> found = List.copyOf(changes);
        changes.clear();
        return found;
    }

    /** The levels kept since the last call, in order. */
    List<Level> levels() {
        List<Level> kept = List.copyOf(levels);
        levels.clear();
        return kept;
    }

    private double filtered(double litres) {
        recent.add(litres);
        if (recent.size() > thresholds.medianOf()) {
            recent.remove(0);
        }
        List<Double> sorted = recent.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private void keep(Instant at, double filtered) {
        if (levelAt == null || !at.isBefore(levelAt.plus(Duration.ofMinutes(1)))) {
            levels.add(new Level(at, filtered));
            levelAt = at;
        }
    }

    private void watch(Instant at, double filtered) {
        double delta = filtered - base;
        if (Math.abs(delta) < thresholds.noiseLitres()) {
            nearAt = at;
        } else if (Duration.between(nearAt, at).compareTo(thresholds.window()) > 0) {
            rebase(at, filtered);
        } else if (delta >= thresholds.refuelLitres() || -delta >= thresholds.drainLitres()) {
            FuelChange.Kind kind = delta > 0 ? FuelChange.Kind.REFUEL : FuelChange.Kind.DRAIN;
            change = new FuelState.Pending(kind, nearAt, base, filtered, at);
        }
    }

    private void settle(Instant at, double filtered) {
        if (Math.abs(filtered - change.before()) < thresholds.noiseLitres()) {
            change = null;
            nearAt = at;
        } else if (Math.abs(filtered - change.anchor()) >= thresholds.noiseLitres()) {
            change = new FuelState.Pending(change.kind(), change.startedAt(), change.before(), filtered, at);
        } else if (Duration.between(change.anchorAt(), at).compareTo(thresholds.settle()) >= 0) {
            endChange(change.anchorAt(), filtered);
            rebase(at, filtered);
        }
    }

    /** The change as it stands, if it is still past its threshold (a refuel cut short by driving off may not be). */
    private void endChange(Instant at, double after) {
        double delta = after - change.before();
        boolean past = change.kind() == FuelChange.Kind.REFUEL ? delta >= thresholds.refuelLitres()
                : -delta >= thresholds.drainLitres();
        if (past) {
            changes.add(new FuelChange(change.kind(), change.startedAt(), at, change.before(), after));
        }
        change = null;
    }

    private void rebase(Instant at, double filtered) {
        base = filtered;
        nearAt = at;
    }
}
