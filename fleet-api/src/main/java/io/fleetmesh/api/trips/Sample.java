package io.fleetmesh.api.trips;

import java.time.Instant;

/**
 * What the detector reads from one reading: a fix (channel {@code gps}), the engine (channel {@code engine}) or a
 * driver's badge (channel {@code driver}).
 */
sealed interface Sample {

    Instant ts();

    /** A GPS fix; speed (km/h) and accuracy (m) when the device sends them. */
    record Fix(Instant ts, double lat, double lon, Double speedKmh, Double accuracyM) implements Sample {
    }

    /**
     * The engine: running (the ignition, or rpm above 0, null when neither is sent), and the vehicle's own counters
     * when it has them (odometer in km, engine hours).
     */
    record Engine(Instant ts, Boolean running, Double odometerKm, Double engineHours) implements Sample {
    }

    /** A driver badged in with their identifier (an RFID or iButton code), or out (null). */
    record Badge(Instant ts, String driver) implements Sample {
    }
}
