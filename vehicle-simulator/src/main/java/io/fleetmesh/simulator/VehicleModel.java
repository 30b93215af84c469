package io.fleetmesh.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated refrigerated truck: it drives a loop of waypoints, its reefer holds the setpoint with small noise
 * and now and then a compressor fault warms the box for a minute, and its engine follows the speed. Seeded and
 * driven by the clock it is given, so a test can replay it.
 */
final class VehicleModel {

    /** A delivery loop around Berlin (lat, lon). */
    private static final double[][] ROUTE = {
            {52.5200, 13.4050}, {52.4862, 13.4340}, {52.4560, 13.3840}, {52.4700, 13.3000},
            {52.5160, 13.2880}, {52.5450, 13.3520}, {52.5500, 13.4150}};
    private static final double DEFAULT_SETPOINT = -18.0;

    private final Random random;
    private final Instant start;
    private double distanceKm;
    private volatile double setpoint = DEFAULT_SETPOINT;
    private double boxTemp = DEFAULT_SETPOINT;
    private double fuel = 80;
    private Instant faultUntil = Instant.MIN;
    private Instant last;

    VehicleModel(long seed, Instant start) {
        this.random = new Random(seed);
        this.start = start;
        this.last = start;
        this.distanceKm = random.nextDouble() * 10;
    }

    /** A named reading: the channel and its metrics (ts included). */
    record Reading(String channel, Map<String, Object> metrics) {
    }

    /** Advances the truck to {@code now} and returns one reading per channel. */
    List<Reading> next(Instant now) {
        double seconds = Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
        last = now;
        double speed = speedKmh(now);
        distanceKm += speed * seconds / 3600;
        fuel = Math.max(5, fuel - speed * seconds / 3600 * 0.3);
        updateReefer(now, seconds);
        List<Reading> readings = new ArrayList<>();
        readings.add(new Reading("gps", gps(now, speed)));
        readings.add(new Reading("reefer", reefer(now)));
        readings.add(new Reading("engine", engine(now, speed)));
        return readings;
    }

    private double speedKmh(Instant now) {
        double minutes = Duration.between(start, now).toSeconds() / 60.0;
        return Math.max(0, 55 + 25 * Math.sin(minutes / 3) + random.nextGaussian() * 3);
    }

    private void updateReefer(Instant now, double seconds) {
        if (now.isAfter(faultUntil) && random.nextDouble() < seconds / 600) {
            faultUntil = now.plusSeconds(45 + random.nextInt(45));
        }
        double target = now.isBefore(faultUntil) ? -8.0 : setpoint;
        boxTemp += (target - boxTemp) * Math.min(1, seconds / 20) + random.nextGaussian() * 0.05;
    }

    private Map<String, Object> gps(Instant now, double speed) {
        double[] position = position(distanceKm);
        Map<String, Object> gps = metrics(now);
        gps.put("lat", round(position[0], 6));
        gps.put("lon", round(position[1], 6));
        gps.put("speed", round(speed, 1));
        gps.put("heading", round(heading(distanceKm), 0));
        return gps;
    }

    private Map<String, Object> reefer(Instant now) {
        boolean fault = now.isBefore(faultUntil);
        Map<String, Object> reefer = metrics(now);
        reefer.put("temp", round(boxTemp, 2));
        reefer.put("setpoint", setpoint);
        reefer.put("compressorTemp", round(fault ? 98 + random.nextDouble() * 6 : 70 + random.nextDouble() * 5, 1));
        reefer.put("door", random.nextDouble() < 0.01 ? "open" : "closed");
        return reefer;
    }

    private Map<String, Object> engine(Instant now, double speed) {
        Map<String, Object> engine = metrics(now);
        engine.put("rpm", (int) (750 + speed * 22 + random.nextGaussian() * 40));
        engine.put("coolant", round(88 + random.nextGaussian(), 1));
        engine.put("fuel", round(fuel, 1));
        return engine;
    }

    /** Position at a distance along the looped route, interpolated between waypoints (~1 km per 0.01°). */
    private static double[] position(double km) {
        double legs = km / 3.0;
        int leg = (int) legs % ROUTE.length;
        double along = legs - Math.floor(legs);
        double[] from = ROUTE[leg];
        double[] to = ROUTE[(leg + 1) % ROUTE.length];
        return new double[] {from[0] + (to[0] - from[0]) * along, from[1] + (to[1] - from[1]) * along};
    }

    /** The course of the leg the truck is on, in degrees clockwise from north (an equirectangular estimate). */
    private static double heading(double km) {
        int leg = (int) (km / 3.0) % ROUTE.length;
        double[] from = ROUTE[leg];
        double[] to = ROUTE[(leg + 1) % ROUTE.length];
        double east = (to[1] - from[1]) * Math.cos(Math.toRadians(from[0]));
        return (Math.toDegrees(Math.atan2(east, to[0] - from[0])) + 360) % 360;
    }

    private static Map<String, Object> metrics(Instant now) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("ts", now.toString());
        return metrics;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    /** The reefer controller's new setpoint (a set-setpoint command); the box temperature follows it. */
    void setpoint(double celsius) {
        this.setpoint = celsius;
    }
}
