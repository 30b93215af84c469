package io.fleetmesh.api.fuel;

import java.time.Instant;

/** A refuel or a drain: the level before it, from when it began to when the new level held, and that level. */
record FuelChange(Kind kind, Instant startedAt, Instant endedAt, double litresBefore, double litresAfter) {

    enum Kind {
        REFUEL, DRAIN;

        String apiName() {
            return name().toLowerCase();
        }
    }

    double litres() {
        return Math.abs(litresAfter - litresBefore);
    }
}
