package io.fleetmesh.edge;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The newest numeric value of every metric the truck has read, for commands' preconditions. */
final class LatestReadings {

    private final Map<String, Double> values = new ConcurrentHashMap<>();

    void update(String channel, Map<String, Double> metrics) {
        metrics.forEach((metric, value) -> values.put(channel + "." + metric, value));
    }

    Optional<Double> value(String channel, String metric) {
        return Optional.ofNullable(values.get(channel + "." + metric));
    }
}
