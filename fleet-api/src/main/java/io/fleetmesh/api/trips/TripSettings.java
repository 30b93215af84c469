package io.fleetmesh.api.trips;

import io.fleetmesh.api.refusals.InvalidInput;
import java.time.Duration;
import java.util.Map;

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

    /** These thresholds, if each is within what makes sense for a vehicle; else a refusal naming the first that is not. */
    public TripSettings checked() {
        within("speedThresholdKmh", speedThresholdKmh, 0.1, 50);
        within("minTripDistanceM", minTripDistanceM, 0, 100_000);
        within("maxAccuracyM", maxAccuracyM, 1, 100_000);
        within("maxSpeedKmh", maxSpeedKmh, 20, 2_000);
        within("minTripDuration", minTripDuration, Duration.ZERO, Duration.ofDays(1));
        within("minParkingDuration", minParkingDuration, Duration.ZERO, Duration.ofDays(1));
        within("minNoDataDuration", minNoDataDuration, Duration.ofMinutes(1), Duration.ofDays(7));
        within("minFixInterval", minFixInterval, Duration.ZERO, Duration.ofMinutes(10));
        return this;
    }

    private static void within(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw refused(name, min + " to " + max);
        }
    }

    private static void within(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw refused(name, min + " to " + max + " (ISO 8601 durations)");
        }
    }

    private static InvalidInput refused(String name, String range) {
        return new InvalidInput("Invalid trip settings", name + " must be " + range + ".", Map.of("field", name));
    }
}
