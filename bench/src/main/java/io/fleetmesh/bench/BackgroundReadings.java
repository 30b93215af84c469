package io.fleetmesh.bench;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/** Readings into the hub's TELEMETRY stream at a steady rate until closed: the ingest load beside a measurement. */
final class BackgroundReadings implements AutoCloseable {

    private final Thread thread;
    private final long started = System.nanoTime();
    private volatile boolean running = true;
    private volatile long sent;

    BackgroundReadings(Connection hub, TelemetryWorkload workload, int perSecond) {
        thread = new Thread(() -> publish(hub, workload, perSecond), "background-readings");
        thread.setDaemon(true);
        thread.start();
    }

    /** Readings a second acknowledged by the hub so far. */
    double rate() {
        return sent / ((System.nanoTime() - started) / 1e9);
    }

    private void publish(Connection hub, TelemetryWorkload workload, int perSecond) {
        try {
            JetStream js = hub.jetStream();
            ArrayDeque<CompletableFuture<PublishAck>> pending = new ArrayDeque<>();
            for (int i = 0; running; i++) {
                long due = started + (long) (i * 1e9 / perSecond);
                LockSupport.parkNanos(due - System.nanoTime());
                pending.add(js.publishAsync(workload.subject(i), workload.livePayload(i, System.currentTimeMillis())));
                while (pending.size() > 1_000 || (!pending.isEmpty() && pending.peek().isDone())) {
                    pending.poll().get();
                    sent++;
                }
            }
        } catch (Exception e) {
            System.out.println("background readings stopped: " + e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
