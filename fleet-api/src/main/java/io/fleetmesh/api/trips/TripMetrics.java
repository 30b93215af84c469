package io.fleetmesh.api.trips;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Prometheus: {@code fleetmesh_trips_readings_total} (readings detection took), {@code fleetmesh_trips_segments_total{kind}}
 * (trips and stops closed), {@code fleetmesh_trips_skipped_total{reason}}, {@code fleetmesh_trips_rewinds_total} (detection
 * started again at a stop: a late reading, a recompute) and {@code fleetmesh_trips_failures_total}, counted once a
 * device's round committed. All registered at start, so rate() sees their first increment.
 */
@Component
class TripMetrics {

    private final MeterRegistry registry;
    private final Counter readings;
    private final Counter rewinds;
    private final Counter failures;

    TripMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.readings = Counter.builder("fleetmesh.trips.readings").description("readings trip detection took").register(registry);
        this.rewinds = Counter.builder("fleetmesh.trips.rewinds").description("detections started again at a stop").register(registry);
        this.failures = Counter.builder("fleetmesh.trips.failures").description("device rounds that failed").register(registry);
        List.of("trip", "stop").forEach(this::segments);
        for (Skip reason : Skip.values()) {
            skipped(reason);
        }
    }

    void counted(TripFollower.Round round) {
        readings.increment(round.readings());
        round.closed().forEach(segment -> segments(segment instanceof Segment.Trip ? "trip" : "stop").increment());
        round.skipped().forEach((reason, count) -> skipped(reason).increment(count));
        if (round.rewound()) {
            rewinds.increment();
        }
    }

    void failed() {
        failures.increment();
    }

    private Counter segments(String kind) {
        return Counter.builder("fleetmesh.trips.segments").description("trips and stops closed").tag("kind", kind)
                .register(registry);
    }

    private Counter skipped(Skip reason) {
        return Counter.builder("fleetmesh.trips.skipped").description("readings trip detection left out, by reason")
                .tag("reason", reason.name()).register(registry);
    }
}
