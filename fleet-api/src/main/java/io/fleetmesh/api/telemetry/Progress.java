package io.fleetmesh.api.telemetry;

import io.nats.client.ConsumerContext;
import io.nats.client.api.ConsumerInfo;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every ten seconds: refreshes the consumer-lag gauge and logs the ingest rate, so long catch-ups show progress. */
final class Progress {

    private static final Logger log = LoggerFactory.getLogger(TelemetryIngest.class);
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final UUID tenant;
    private final ConsumerContext context;
    private final IngestMetrics metrics;
    /** The first report comes at once, so the lag gauge exists from the start. */
    private long lastReport = System.nanoTime() - INTERVAL_NANOS;
    private double lastStored;

    Progress(UUID tenant, ConsumerContext context, IngestMetrics metrics) {
        this.tenant = tenant;
        this.context = context;
        this.metrics = metrics;
        metrics.consuming(tenant);
        this.lastStored = metrics.storedCount();
    }

    void report() throws Exception {
        long now = System.nanoTime();
        if (now - lastReport < INTERVAL_NANOS) {
            return;
        }
        ConsumerInfo info = context.getConsumerInfo();
        long pending = info.getNumPending();
        metrics.lag(tenant, pending);
        double stored = metrics.storedCount();
        if (stored > lastStored || pending > 0) {
            double rate = (stored - lastStored) / ((now - lastReport) / 1e9);
            log.info("telemetry ingest: {} readings stored (all tenants), {}/s; tenant {} on the hub: {} pending,"
                    + " {} awaiting ack, {} redelivered", (long) stored, (long) rate, tenant, pending,
                    info.getNumAckPending(), info.getRedelivered());
        }
        lastReport = now;
        lastStored = stored;
    }
}
