package io.fleetmesh.api.telemetry;

import io.nats.client.ConsumerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every ten seconds: refreshes the consumer-lag gauge and logs the ingest rate, so long catch-ups show progress. */
final class Progress {

    private static final Logger log = LoggerFactory.getLogger(TelemetryIngest.class);
    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final ConsumerContext context;
    private final IngestMetrics metrics;
    private long lastReport = System.nanoTime();
    private double lastStored;

    Progress(ConsumerContext context, IngestMetrics metrics) {
        this.context = context;
        this.metrics = metrics;
        this.lastStored = metrics.storedCount();
    }

    void report() throws Exception {
        long now = System.nanoTime();
        if (now - lastReport < INTERVAL_NANOS) {
            return;
        }
        long pending = context.getConsumerInfo().getNumPending();
        metrics.lag(pending);
        double stored = metrics.storedCount();
        if (stored > lastStored || pending > 0) {
            double rate = (stored - lastStored) / ((now - lastReport) / 1e9);
            log.info("telemetry ingest: {} readings stored, {}/s, {} pending on the hub", (long) stored, (long) rate, pending);
        }
        lastReport = now;
        lastStored = stored;
    }
}
