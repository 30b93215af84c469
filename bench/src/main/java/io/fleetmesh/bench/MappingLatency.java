package io.fleetmesh.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * From a subject-mapping change over REST to its effect on the hub: a device publishes a probe reading every
 * millisecond stamped with its send time; the change is in effect when a probe sent after the request began arrives
 * on the new subject (mapping added) or on its own again (mapping removed). Five of each; the median.
 */
final class MappingLatency {

    private static final String PROBE = "fleet.bench-tap-0.telemetry.probe";
    private static final String MAPPED = "fleet.bench-tap-0.telemetry.probe-mapped";

    private MappingLatency() {
    }

    static void measure(TapsBenchmark bench) throws Exception {
        List<Double> added = new ArrayList<>();
        List<Double> removed = new ArrayList<>();
        AtomicLong requested = new AtomicLong(Long.MAX_VALUE);
        AtomicLong effect = new AtomicLong();
        AtomicBoolean mapping = new AtomicBoolean();
        try (Connection device = bench.connect(bench.deviceCreds(0), "_INBOX.bench-tap-0")) {
            Dispatcher probes = device.createDispatcher(message -> {
                String probe = new String(message.getData(), StandardCharsets.UTF_8);
                long sent = Long.parseLong(probe.substring(probe.indexOf("\"n\": ") + 5, probe.length() - 1));
                boolean onMapped = message.getSubject().equals(MAPPED);
                if (sent >= requested.get() && onMapped == mapping.get()) {
                    effect.compareAndSet(0, System.nanoTime());
                }
            });
            probes.subscribe("fleet.bench-tap-0.telemetry.>");
            Thread sender = probing(device);
            for (int i = 0; i < 5; i++) {
                added.add(change(bench, requested, effect, mapping, true));
                removed.add(change(bench, requested, effect, mapping, false));
            }
            sender.interrupt();
        }
        System.out.printf("mapping change to effect: added %s ms (median %.0f), removed %s ms (median %.0f)%n",
                Stats.list(added), Stats.median(added), Stats.list(removed), Stats.median(removed));
    }

    private static double change(TapsBenchmark bench, AtomicLong requested, AtomicLong effect, AtomicBoolean mapping,
                                 boolean add) throws Exception {
        effect.set(0);
        mapping.set(add);
        long start = System.nanoTime();
        requested.set(start);
        bench.rest().putJson("/api/v1/subject-mappings", add ? """
                {"rules": [{"source": "%s", "destinations": [{"subject": "%s"}]}]}""".formatted(PROBE, MAPPED)
                : "{\"rules\": []}");
        TapsBenchmark.waitFor("the mapping change", () -> effect.get() != 0);
        return (effect.get() - start) / 1e6;
    }

    /** Probes every millisecond, each carrying its send time (nanoseconds of this JVM's clock). */
    private static Thread probing(Connection device) {
        Thread sender = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                device.publish(PROBE, ("{\"ts\": " + System.currentTimeMillis() + ", \"n\": " + System.nanoTime() + "}")
                        .getBytes(StandardCharsets.UTF_8));
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sender.setDaemon(true);
        sender.start();
        return sender;
    }
}
