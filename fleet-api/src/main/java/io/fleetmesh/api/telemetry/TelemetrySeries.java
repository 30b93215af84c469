package io.fleetmesh.api.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A channel's numeric metrics over [from, to) in at most about 600 buckets (a chart's worth, whatever the range):
 * {@code times} are the buckets' starts, {@code metrics} one list per metric aligned with them (null: no value).
 */
record TelemetrySeries(String deviceId, String channel, Instant from, Instant to, long bucketSeconds,
                       List<Instant> times, Map<String, List<Double>> metrics) {

    static final int BUCKETS = 600;

    static long bucketSeconds(Instant from, Instant to) {
        return Math.max(1, (Duration.between(from, to).toSeconds() + BUCKETS - 1) / BUCKETS);
    }

    /** Aligns the points (ordered by bucket) into one time axis and a list per metric. */
    static TelemetrySeries of(TelemetryQuery query, long bucketSeconds, List<SeriesPoint> points) {
        List<Instant> times = points.stream().map(SeriesPoint::bucket).distinct().toList();
        Map<Instant, Integer> index = new HashMap<>();
        times.forEach(time -> index.put(time, index.size()));
        Map<String, List<Double>> metrics = new TreeMap<>();
        for (SeriesPoint point : points) {
            metrics.computeIfAbsent(point.metric(), metric -> new ArrayList<>(Collections.nCopies(times.size(), null)))
                    .set(index.get(point.bucket()), point.value());
        }
        return new TelemetrySeries(query.deviceId(), query.channel(), query.from(), query.to(), bucketSeconds, times, metrics);
    }
}
