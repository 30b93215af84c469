package io.fleetmesh.api.trips;

import java.time.Duration;

/** What the detector closes: trips and stops alternate, one's end is the next one's start. */
sealed interface Segment {

    /**
     * A trip from one stop to the next. The distance is the vehicle's odometer difference when it sends one at both
     * ends, else the great-circle sum of its accepted fixes while moving. Odometers are the device's (metres).
     * {@code driver}: the identifier of the driver badged in when it started (or first during it), null if none.
     */
    record Trip(Place start, Place end, double distanceM, double maxSpeedKmh, double engineSeconds,
                double odometerStartM, double odometerEndM, String driver) implements Segment {

        public Duration duration() {
            return start.until(end);
        }

        public double averageSpeedKmh() {
            long seconds = duration().toSeconds();
            return seconds == 0 ? 0 : distanceM / seconds * 3.6;
        }
    }

    /**
     * A stop: where the vehicle stood from its arrival to its departure, and how long its engine ran meanwhile.
     * {@code resume} is the detector as it was at the arrival, stopped: detection can start again from there.
     */
    record Stop(Place arrival, Place departure, double engineSeconds, DetectorState resume) implements Segment {

        public Duration duration() {
            return arrival.until(departure);
        }
    }
}
