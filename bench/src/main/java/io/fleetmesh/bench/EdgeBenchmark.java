package io.fleetmesh.bench;

import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.api.PublishAck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * Edge figures: offline catch-up (N readings buffered on one truck while the hub is down, time from the hub's
 * return until all are rows) and local alert latency (sensor publish to driver-display alert, p50/p99).
 * Usage: {@code bin/bench edge [--readings 1000000] [--alerts 2000]}.
 */
public final class EdgeBenchmark {

    private static final int WARM_UP = 2_000;

    private EdgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        System.out.println(Machine.describe());
        try (BenchPlatform platform = new BenchPlatform()) {
            alertLatency(platform, arguments.integer("--alerts", 5_000));
            catchUp(platform, arguments.integer("--readings", 1_000_000));
        }
        System.exit(0);
    }

    private static void catchUp(BenchPlatform platform, int readings) throws Exception {
        EdgeAgent truck = platform.truck("catch-up-truck", new Properties());
        platform.hub.stop();
        long published = System.nanoTime();
        try (Connection leaf = Nats.connect(truck.localUrl())) {
            publishBuffered(leaf.jetStream(), readings);
        }
        System.out.printf("offline catch-up: %,d readings buffered on the truck in %.1f s with the hub down%n",
                readings, IngestBenchmark.seconds(published));
        double before = platform.storedReadings();
        platform.hub.start();
        long reconnect = System.nanoTime();
        while (platform.storedReadings() - before < readings) {
            Thread.sleep(50);
        }
        double elapsed = IngestBenchmark.seconds(reconnect);
        System.out.printf("offline catch-up: all %,d rows in PostgreSQL %.1f s after the hub came back (%,.0f readings/s)%n",
                readings, elapsed, readings / elapsed);
    }

    private static void publishBuffered(JetStream leaf, int readings) throws Exception {
        ArrayDeque<CompletableFuture<PublishAck>> window = new ArrayDeque<>();
        Instant start = Instant.now().minus(Duration.ofHours(6));
        for (int n = 0; n < readings; n++) {
            String payload = "{\"ts\":%d,\"temp\":-18.2,\"setpoint\":-18,\"humidity\":80,\"n\":%d}"
                    .formatted(start.toEpochMilli() + n * 10L, n);
            window.add(leaf.publishAsync(Subjects.telemetry("catch-up-truck", "reefer"), payload.getBytes(StandardCharsets.UTF_8)));
            if (window.size() >= 10_000) {
                window.poll().get();
            }
        }
        for (CompletableFuture<PublishAck> ack : window) {
            ack.get();
        }
    }

    static void alertLatency(BenchPlatform platform, int alerts) throws Exception {
        Properties rules = new Properties();
        rules.setProperty("rule.reefer-warm", "reefer.temp > -15 clear -16 severity CRITICAL");
        EdgeAgent truck = platform.truck("alert-truck", rules);
        List<Double> micros = new ArrayList<>(alerts);
        try (Connection sensor = Nats.connect(truck.localUrl()); Connection display = Nats.connect(truck.localUrl())) {
            Subscription driver = display.subscribe(Subjects.driverAlerts("alert-truck"));
            display.flush(Duration.ofSeconds(2));
            for (int i = 0; i < alerts + WARM_UP; i++) {
                double temp = i % 2 == 0 ? -10.0 : -17.0;
                long sent = System.nanoTime();
                sensor.publish(Subjects.telemetry("alert-truck", "reefer"),
                        "{\"ts\":\"%s\",\"temp\":%s}".formatted(Instant.now(), temp).getBytes(StandardCharsets.UTF_8));
                Message alert = driver.nextMessage(Duration.ofSeconds(2));
                if (alert == null) {
                    throw new IllegalStateException("no alert for reading " + i);
                }
                if (i >= WARM_UP) {
                    micros.add((System.nanoTime() - sent) / 1_000.0);
                }
            }
        }
        micros.sort(null);
        System.out.printf("local alert latency, sensor publish to driver display, %,d alerts: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                alerts, micros.get(micros.size() / 2) / 1000, micros.get((int) (micros.size() * 0.99)) / 1000,
                micros.get(micros.size() - 1) / 1000);
    }
}
