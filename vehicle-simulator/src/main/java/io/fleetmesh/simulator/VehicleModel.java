package io.fleetmesh.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A simulated refrigerated truck: it drives a loop of waypoints, its reefer holds the setpoint with small noise
 * and now and then a compressor fault warms the box for a minute, and its engine follows the speed. Two drivers
 * share it in shifts: each badges in (channel {@code driver}) for four hours of driving, then badges out for a
 * twenty-minute break, parked with the engine off, during which the tank is refuelled; the fuel level sloshes
 * while it drives. Seeded and driven by the clock it is given, so a test can replay it.
 */
final class VehicleModel {

    /** A delivery loop around Berlin (lat, lon). */
    private static final double[][] ROUTE = {
            {52.5200, 13.4050}, {52.4862, 13.4340}, {52.4560, 13.3840}, {52.4700, 13.3000},
            {52.5160, 13.2880}, {52.5450, 13.3520}, {52.5500, 13.4150}};
    private static final double DEFAULT_SETPOINT = -18.0;
    static final Duration SHIFT = Duration.ofHours(4);
    static final Duration BREAK = Duration.ofMinutes(20);
    private static final double FULL = 95;

    private final Random random;
    private final Instant start;
    private double distanceKm;
    private volatile double setpoint = DEFAULT_SETPOINT;
    private double boxTemp = DEFAULT_SETPOINT;
    private double fuel = 80;
    private Instant faultUntil = Instant.MIN;
    private Instant last;
    private final List<String> drivers;
    private String badged;

    VehicleModel(long seed, Instant start) {
        this.random = new Random(seed);
        this.start = start;
        this.last = start;
        this.distanceKm = random.nextDouble() * 10;
        this.drivers = drivers(seed);
    }

    /** The identifiers of the two drivers of the truck with this seed (their RFID cards). */
    static List<String> drivers(long seed) {
        Random cards = new Random(seed * 31 + 7);
        return List.of("%08X".formatted(cards.nextInt()), "%08X".formatted(cards.nextInt()));
    }

    /** A named reading: the channel and its metrics (ts included). */
    record Reading(String channel, Map<String, Object> metrics) {
    }

    /** Advances the truck to {@code now} and returns one reading per channel. */
    List<Reading> next(Instant now) {
        double seconds = Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
        last = now;
        boolean onBreak = onBreak(now);
        double speed = onBreak ? 0 : speedKmh(now);
        distanceKm += speed * seconds / 3600;
        fuel = onBreak ? refuelled(now, seconds) : Math.max(5, fuel - speed * seconds / 3600 * 0.3);
        updateReefer(now, seconds);
        List<Reading> readings = new ArrayList<>();
        readings.add(new Reading("gps", gps(now, speed)));
        readings.add(new Reading("reefer", reefer(now)));
        readings.add(new Reading("engine", engine(now, speed)));
        badge(now, onBreak).ifPresent(readings::add);
        return readings;
    }

    private boolean onBreak(Instant now) {
        long intoShift = Duration.between(start, now).toSeconds() % SHIFT.plus(BREAK).toSeconds();
        return intoShift >= SHIFT.toSeconds();
    }

    /** Five minutes into the break the pump runs, about 40 l (10 % of the tank) a minute, until the tank is full. */
    private double refuelled(Instant now, double seconds) {
        long intoBreak = Duration.between(start, now).toSeconds() % SHIFT.plus(BREAK).toSeconds() - SHIFT.toSeconds();
        return intoBreak < 300 ? fuel : Math.min(FULL, fuel + seconds / 6);
    }

    /** A badge in at the start of a shift, a badge out (an empty id) at its end: only when who is badged changes. */
    private Optional<Reading> badge(Instant now, boolean onBreak) {
        long shift = Duration.between(start, now).toSeconds() / SHIFT.plus(BREAK).toSeconds();
        String driver = onBreak ? null : drivers.get((int) (shift % drivers.size()));
        if (Objects.equals(driver, badged)) {
            return Optional.empty();
        }
        badged = driver;
        Map<String, Object> badge = metrics(now);
        badge.put("id", driver == null ? "" : driver);
        return Optional.of(new Reading("driver", badge));
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
        boolean off = onBreak(now);
        engine.put("rpm", off ? 0 : (int) (750 + speed * 22 + random.nextGaussian() * 40));
        engine.put("coolant", round(88 + random.nextGaussian(), 1));
        double slosh = random.nextGaussian() * (speed > 0 ? 1.5 : 0.3);
        engine.put("fuel", round(Math.max(0, Math.min(100, fuel + slosh)), 1));
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
