package io.fleetmesh.api.trips;

import io.fleetmesh.api.geo.GreatCircle;
import java.time.Duration;
import java.time.Instant;

/** Where a device was at a time; lat and lon are null before its first fix (an ignition-only start). */
public record Place(Instant at, Double lat, Double lon) {

    /** The same spot at another time. */
    Place at(Instant time) {
        return new Place(time, lat, lon);
    }

    boolean located() {
        return lat != null && lon != null;
    }

    /** Great-circle metres to another place; 0 if either has no position. */
    double metersTo(Place other) {
        return located() && other.located() ? GreatCircle.meters(lat, lon, other.lat, other.lon) : 0;
    }

    Duration until(Place later) {
        return Duration.between(at, later.at);
    }
}
