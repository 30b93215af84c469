package io.fleetmesh.systemtests;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A sensor app on the truck: publishes readings n = from..to-1 to its leaf and retries each until the outbox
 * confirms it. Each carries a message id, so a retry after a lost confirmation is not stored twice.
 */
final class Sensor implements AutoCloseable {

    private final Connection leaf;
    private final JetStream js;
    private final String device;
    private final Instant start = Instant.now().minusSeconds(100_000);
    private final String padding;

    Sensor(String leafUrl, String device) throws Exception {
        this(leafUrl, device, 0);
    }

    /** {@code paddingBytes}: each reading carries that many more bytes (a text metric), to fill a disk sooner. */
    Sensor(String leafUrl, String device, int paddingBytes) throws Exception {
        this.leaf = Nats.connectReconnectOnConnect(Options.builder().server(leafUrl).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(100)).build());
        this.js = leaf.jetStream();
        this.device = device;
        this.padding = paddingBytes == 0 ? "" : ", \"pad\": \"" + "x".repeat(paddingBytes) + "\"";
    }

    void publish(int from, int to) {
        for (int n = from; n < to; n++) {
            publishUntilStored(n);
        }
    }

    /** Readings n = 0, 1, ... one every {@code pause} while {@code going}; returns how many were confirmed. */
    int publishWhile(java.util.function.BooleanSupplier going, Duration pause) throws InterruptedException {
        int n = 0;
        while (going.getAsBoolean()) {
            publishUntilStored(n++);
            Thread.sleep(pause.toMillis());
        }
        return n;
    }

    private void publishUntilStored(int n) {
        String payload = "{\"ts\": \"%s\", \"n\": %d, \"temp\": -18.2%s}".formatted(start.plusSeconds(n), n, padding);
        PublishOptions id = PublishOptions.builder().messageId(device + "-" + n).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            try {
                js.publish("fleet.%s.telemetry.reefer".formatted(device), payload.getBytes(StandardCharsets.UTF_8), id);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + n + " never stored", e);
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        leaf.close();
    }
}
