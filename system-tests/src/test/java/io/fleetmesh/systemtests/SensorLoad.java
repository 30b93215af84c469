package io.fleetmesh.systemtests;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** Trucks' sensor apps publishing to their leaves in the background, each reading until its outbox confirms it. */
final class SensorLoad {

    private final AtomicBoolean going = new AtomicBoolean(true);
    private final Map<String, CompletableFuture<Integer>> sensors = new LinkedHashMap<>();

    /** {@code leaves}: each device's leaf URL; one reading every {@code pause} per device. */
    static SensorLoad start(Map<String, String> leaves, Duration pause) {
        SensorLoad load = new SensorLoad();
        leaves.forEach((device, url) -> load.sensors.put(device, CompletableFuture.supplyAsync(() -> load.run(url, device, pause))));
        return load;
    }

    private int run(String leafUrl, String device, Duration pause) {
        try (Sensor sensor = new Sensor(leafUrl, device)) {
            return sensor.publishWhile(going::get, pause);
        } catch (Exception e) {
            throw new IllegalStateException("sensor of " + device + " failed", e);
        }
    }

    /** Stops the sensors; how many readings each had confirmed. */
    Map<String, Integer> stop() {
        going.set(false);
        Map<String, Integer> sent = new LinkedHashMap<>();
        sensors.forEach((device, sensor) -> sent.put(device, sensor.join()));
        return sent;
    }
}
