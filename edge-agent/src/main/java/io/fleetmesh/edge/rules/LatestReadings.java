package io.fleetmesh.edge.rules;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The newest numeric value of every metric the truck has read, and when it was read, for commands' preconditions. */
public final class LatestReadings {

    /** A metric's latest value and the time of its reading. */
    public record Latest(double value, Instant at) {
    }

    private final Map<String, Latest> values = new ConcurrentHashMap<>();

    public void update(String channel, Map<String, Double> metrics, Instant at) {
        metrics.forEach((metric, value) -> values.merge(channel + "." + metric, new Latest(value, at),
                (old, next) -> next.at().isBefore(old.at()) ? old : next));
    }

    public Optional<Latest> latest(String channel, String metric) {
        return Optional.ofNullable(values.get(channel + "." + metric));
    }
}
