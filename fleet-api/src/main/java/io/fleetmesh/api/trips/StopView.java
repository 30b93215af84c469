package io.fleetmesh.api.trips;

import java.time.Instant;

/** A stop as the API shows it; {@code ongoing}: where the device stands now (departure is then its latest reading). */
public record StopView(String deviceId, Instant arrivedAt, Instant departedAt, Double lat, Double lon,
                       long durationSeconds, double engineSeconds, boolean ongoing) {
}
