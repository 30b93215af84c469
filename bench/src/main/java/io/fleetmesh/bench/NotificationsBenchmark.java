package io.fleetmesh.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.fleetmesh.devkit.Ports;
import io.nats.client.Connection;
import io.nats.client.Nats;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Notifications end to end with everything real (PostgreSQL, hub, fleet-api, an SMTP server on loopback): the time
 * from an alert published to the hub to its e-mail's receipt by the SMTP server, while readings stream in; then a
 * storm, every truck of a large fleet going offline at once, against a rate window.
 * Usage: {@code bin/bench notifications [--alerts 200] [--alert-rate 10] [--load 2000] [--storm 1000]
 * [--recipients 3] [--window 60] [--runs 3]}; prints each run and the medians.
 */
public final class NotificationsBenchmark {

    static final String TENANT = "00000000-0000-0000-0000-000000000001";

    private NotificationsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int runs = arguments.integer("--runs", 3);
        System.out.println(Machine.describe());
        GreenMail smtp = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (BenchPlatform platform = new BenchPlatform(List.of("--fleetmesh.mail.host=127.0.0.1",
                "--fleetmesh.mail.port=" + smtp.getSmtp().getPort(), "--fleetmesh.alerts.offline-check=500ms"));
             Connection hub = Nats.connect(platform.hub.url())) {
            NotificationSeed seed = new NotificationSeed(platform.jdbc);
            latency(seed, hub, smtp, arguments, runs);
            storm(seed, smtp, arguments.integer("--storm", 1_000), arguments.integer("--recipients", 3),
                    arguments.integer("--window", 60));
        } finally {
            smtp.stop();
        }
        System.exit(0);
    }

    private static void latency(NotificationSeed seed, Connection hub, GreenMail smtp, Arguments arguments, int runs)
            throws Exception {
        int alerts = arguments.integer("--alerts", 200);
        int load = arguments.integer("--load", 2_000);
        TelemetryWorkload workload = new TelemetryWorkload(Integer.MAX_VALUE, 50, List.of());
        workload.registerDevices(seed.jdbc());
        seed.device("bench-alerting");
        String address = seed.operator("latency");
        seed.rule("latency", "alert", "bench-alerting", 0, List.of(address));
        List<Double> p99s = new ArrayList<>();
        try (BackgroundReadings readings = new BackgroundReadings(hub, workload, load)) {
            for (int run = 0; run <= runs; run++) {
                double[] millis = new LatencyRun(hub, smtp, address, run).measure(alerts, arguments.integer("--alert-rate", 10));
                if (run == 0) {
                    System.out.printf("warm-up: %d alerts, p50 %.0f ms%n", alerts, millis[0]);
                    continue;
                }
                p99s.add(millis[2]);
                System.out.printf("latency run %d, %d alerts while %,.0f readings/s arrive: p50 %.0f ms  p95 %.0f ms"
                        + "  p99 %.0f ms  max %.0f ms%n", run, alerts, readings.rate(), millis[0], millis[1], millis[2], millis[3]);
            }
        }
        System.out.printf("alert to SMTP receipt, median p99 of %d runs: %.0f ms (target <= 2,000 ms)%n", runs,
                Stats.median(p99s));
    }

    /** Every truck offline at once: per recipient, one message at once and then one digest per window, nothing lost. */
    private static void storm(NotificationSeed seed, GreenMail smtp, int trucks, int recipients, int window)
            throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int r = 0; r < recipients; r++) {
            addresses.add(seed.operator("storm" + r));
        }
        seed.rule("storm", "offline", null, window, addresses);
        long started = System.nanoTime();
        seed.silentFleet(trucks);
        int expected = trucks * recipients;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (seed.sent("storm") < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("storm: %,d trucks offline at once, %d recipients, window %d s: %,d of %,d notifications sent"
                + " in %.1f s (%d failed)%n", trucks, recipients, window, seed.sent("storm"), expected, seconds,
                seed.failed("storm"));
        for (String address : addresses) {
            List<MimeMessage> mails = received(smtp, address);
            System.out.printf("  %s: %d messages (%s), at most %d allowed by the window%n", address, mails.size(),
                    seed.messageSizes("storm", address), 1 + (int) Math.ceil(seconds / window));
        }
    }

    static List<MimeMessage> received(GreenMail smtp, String address) {
        return List.of(smtp.getReceivedMessages()).stream().filter(m -> isTo(m, address)).toList();
    }

    static boolean isTo(MimeMessage mail, String address) {
        try {
            return mail.getAllRecipients()[0].toString().equals(address);
        } catch (Exception e) {
            return false;
        }
    }

    static byte[] alert(String rule, String message) {
        return ("{\"alertId\": \"%s\", \"ruleId\": \"%s\", \"state\": \"RAISED\", \"severity\": \"WARNING\", \"ts\": \"%s\","
                + " \"message\": \"%s\"}").formatted(UUID.randomUUID(), rule, java.time.Instant.now(), message)
                .getBytes(StandardCharsets.UTF_8);
    }
}
