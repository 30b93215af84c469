package io.fleetmesh.api.fuel;

import java.time.Instant;
import java.util.List;

/**
 * What the detector knows of a device between two readings, stored with its checkpoint. {@code recent}: the last raw
 * levels, for the running median; {@code base}: the level a change is measured from while parked, {@code nearAt}
 * when the level was last near it; {@code change}: a change past a threshold that has not held long enough yet;
 * {@code levelAt}: the time of the last level kept for consumption (one a minute).
 */
record FuelState(List<Double> recent, boolean moving, Double base, Instant nearAt, Pending change, Instant levelAt) {

    static final FuelState INITIAL = new FuelState(List.of(), false, null, null, null, null);

    /** A change under way: its kind, start and level before, and the level it is at since {@code anchorAt}. */
    record Pending(FuelChange.Kind kind, Instant startedAt, double before, double anchor, Instant anchorAt) {
    }
}
