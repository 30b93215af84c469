package io.fleetmesh.api.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Prometheus names: fleetmesh_ingest_readings_total{tenant}, _duplicates_total, _quarantined_total{cause}, _batch_size,
 * _consumer_lag{tenant}. Readings and lag carry the tenant (per-tenant ingest rate and lag on the dashboard); a
 * tenant's meters exist from the moment its consumer starts, so its rate reads 0 rather than nothing.
 */
@Component
class IngestMetrics {

    private final Map<UUID, Counter> stored = new ConcurrentHashMap<>();
    private final Counter duplicates;
    private final Map<Rejection.Cause, Counter> quarantined = new EnumMap<>(Rejection.Cause.class);
    private final DistributionSummary batchSize;
    private final Map<UUID, AtomicLong> lags = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        duplicates = Counter.builder("fleetmesh.ingest.duplicates")
                .description("redelivered readings skipped by their identity").register(registry);
        for (Rejection.Cause cause : Rejection.Cause.values()) {
            quarantined.put(cause, Counter.builder("fleetmesh.ingest.quarantined").tag("cause", cause.name())
                    .description("messages quarantined").register(registry));
        }
        batchSize = DistributionSummary.builder("fleetmesh.ingest.batch.size").description("messages per batch")
                .register(registry);
    }

    /** The tenant's consumer starts: its meters appear now. */
    void consuming(UUID tenant) {
        stored(tenant);
    }

    void recordBatch(UUID tenant, int messages, int readings, int inserted, List<Rejection> rejections) {
        batchSize.record(messages);
        stored(tenant).increment(inserted);
        duplicates.increment(readings - inserted);
        rejections.forEach(rejection -> quarantined.get(rejection.cause()).increment());
    }

    /** Messages on the tenant's hub stream not yet delivered to the ingest consumer. */
    void lag(UUID tenant, long pending) {
        lags.computeIfAbsent(tenant, key -> {
            AtomicLong lag = new AtomicLong();
            Gauge.builder("fleetmesh.ingest.consumer.lag", lag, AtomicLong::get).tag("tenant", key.toString())
                    .description("messages on the hub not yet delivered to the ingest consumer").register(registry);
            return lag;
        }).set(pending);
    }

    /** Readings stored for all tenants. */
    double storedCount() {
        return stored.values().stream().mapToDouble(Counter::count).sum();
    }

    private Counter stored(UUID tenant) {
        return stored.computeIfAbsent(tenant, key -> Counter.builder("fleetmesh.ingest.readings")
                .tag("tenant", key.toString()).description("readings stored").register(registry));
    }
}
