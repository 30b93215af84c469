package io.fleetmesh.api.trips;

import java.time.Duration;

/**
 * How a device's readings become trips and stops (Traccar's names in brackets). A trip starts when the vehicle moves
 * at {@code speedThresholdKmh} or more (or its ignition turns on, with {@code useIgnition}) and keeps doing so until it
 * is {@code minTripDistanceM} from where it started or {@code minTripDuration} long [minimalTripDistance,
 * minimalTripDuration]; it ends once the vehicle stood still for {@code minParkingDuration} [minimalParkingDuration]
 * or its ignition turned off; no fix for {@code minNoDataDuration} ends it at the last fix [minimalNoDataDuration].
 * Fixes worse than {@code maxAccuracyM}, faster than {@code maxSpeedKmh} from the previous one (a jump) or closer
 * than {@code minFixInterval} to it (a device sending ten a second) are skipped.
 */
public record TripSettings(double speedThresholdKmh, double minTripDistanceM, Duration minTripDuration,
                           Duration minParkingDuration, Duration minNoDataDuration, boolean useIgnition,
                           double maxAccuracyM, double maxSpeedKmh, Duration minFixInterval) {

    public static final TripSettings DEFAULTS = new TripSettings(5, 500, Duration.ofMinutes(5), Duration.ofMinutes(5),
            Duration.ofHours(1), false, 100, 250, Duration.ofSeconds(1));
}
