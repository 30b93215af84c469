package io.fleetmesh.api.trips;

import io.fleetmesh.api.geo.GreatCircle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A recorded-like track, built leg by leg and seeded, so a golden test reads as the day it describes: parked here,
 * drove there at this speed, lost the signal in a tunnel. Each fix gets GPS noise (a few metres) and speed noise.
 */
final class Track {

    private final Random random;
    private final Duration interval;
    private final List<Sample> samples = new ArrayList<>();
    private Instant now;
    private double lat;
    private double lon;
    private Boolean ignition;
    private Double odometerKm;

    Track(long seed, Instant start, double lat, double lon, Duration interval) {
        this.random = new Random(seed);
        this.now = start;
        this.lat = lat;
        this.lon = lon;
        this.interval = interval;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    Instant now() {
        return now;
    }

    /** Standing still, fixes scattered by {@code jitterM} metres and speeds of 0 to 2 km/h. */
    Track park(Duration duration, double jitterM) {
        for (Instant end = now.plus(duration); now.isBefore(end); now = now.plus(interval)) {
            double north = random.nextGaussian() * jitterM / 111_320;
            double east = random.nextGaussian() * jitterM / (111_320 * Math.cos(Math.toRadians(lat)));
            fix(lat + north, lon + east, random.nextDouble() * 2);
        }
        return this;
    }

    /** Driving in a straight line to (toLat, toLon) at about {@code kmh}. */
    Track drive(double toLat, double toLon, double kmh) {
        double meters = GreatCircle.meters(lat, lon, toLat, toLon);
        long steps = Math.max(1, Math.round(meters / (kmh / 3.6 * interval.toMillis() / 1000.0)));
        double fromLat = lat;
        double fromLon = lon;
        for (long i = 1; i <= steps; i++) {
            now = now.plus(interval);
            lat = fromLat + (toLat - fromLat) * i / steps;
            lon = fromLon + (toLon - fromLon) * i / steps;
            countOdometer(meters / steps);
            fix(lat, lon, Math.max(0, kmh + random.nextGaussian() * 3));
        }
        return this;
    }

    /** No fix at all for a while (a tunnel, a dead gateway); the vehicle may be elsewhere afterwards. */
    Track silent(Duration duration, double toLat, double toLon) {
        countOdometer(GreatCircle.meters(lat, lon, toLat, toLon));
        now = now.plus(duration);
        lat = toLat;
        lon = toLon;
        return this;
    }

    /** One fix far from where the vehicle is (a multipath outlier), then back to normal. */
    Track outlier(double offsetM) {
        now = now.plus(interval);
        fix(lat + offsetM / 111_320, lon, 0);
        return this;
    }

    Track ignition(boolean on) {
        ignition = on;
        samples.add(new Sample.Engine(now, on, odometerKm, null));
        return this;
    }

    /** The vehicle sends its own odometer (km) with every fix from now on. */
    Track canOdometer(double km) {
        odometerKm = km;
        return this;
    }

    private void countOdometer(double meters) {
        if (odometerKm != null) {
            odometerKm += meters / 1000;
        }
    }

    private void fix(double fixLat, double fixLon, double speed) {
        samples.add(new Sample.Fix(now, fixLat, fixLon, Math.round(speed * 10) / 10.0, 5.0));
        if (ignition != null || odometerKm != null) {
            samples.add(new Sample.Engine(now, ignition, odometerKm, null));
        }
    }
}
