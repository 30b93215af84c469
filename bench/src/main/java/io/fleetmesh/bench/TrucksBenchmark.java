package io.fleetmesh.bench;

import io.fleetmesh.edge.EdgeAgent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * How the per-truck figures grow with the fleet: for each size, a fresh platform with that many trucks (up to
 * {@code --agents} real agents with their own leaf servers, the rest {@link DirectDevices}), one reading a second
 * each; then live latency, command round trip, local alert latency, leaf server memory, dashboard pages and the
 * catch-up after a hub outage. Usage: {@code bin/bench trucks [--trucks 10,100,1000] [--agents 50] [--seconds 20]
 * [--outage 10]}.
 */
public final class TrucksBenchmark {

    private TrucksBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int agents = arguments.integer("--agents", 50);
        System.out.println(Machine.describe());
        System.out.println(Machine.versions());
        for (String size : arguments.text("--trucks", "10,100,1000").split(",")) {
            int trucks = Integer.parseInt(size.trim());
            System.out.printf("== %,d trucks: %d agents with their own leaf, %d straight to the hub%n", trucks,
                    Math.min(trucks, agents), Math.max(0, trucks - agents));
            measure(trucks, Math.min(trucks, agents), arguments.integer("--seconds", 20), arguments.integer("--outage", 10));
        }
        System.exit(0);
    }

    private static void measure(int trucks, int agents, int seconds, int outage) throws Exception {
        try (BenchPlatform platform = new BenchPlatform()) {
            List<EdgeAgent> fleet = FleetBenchmark.startFleet(platform, agents);
            try (SensorFleet sensors = SensorFleet.of(fleet)) {
                try (DirectDevices direct = DirectDevices.start(platform, trucks - agents)) {
                    FleetBenchmark.live(platform, sensors, seconds);
                    CommandBenchmark.print("command round trip through REST (ping, ?wait=PT5S)", CommandBenchmark
                            .restRoundTrip(new CommandBenchmark.Rest(platform), fleet.get(0).deviceId(), 200));
                    EdgeBenchmark.alertLatency(platform, 1_000);
                    leafMemory(fleet);
                    pages(platform);
                }
                FleetBenchmark.outage(platform, sensors, outage);
            }
        }
    }

    private static void leafMemory(List<EdgeAgent> fleet) throws IOException {
        long[] kib = new long[fleet.size()];
        for (int i = 0; i < kib.length; i++) {
            kib[i] = rssKiB(fleet.get(i).leafPid());
        }
        Arrays.sort(kib);
        System.out.printf("leaf nats-server RSS: median %.1f MB, max %.1f MB (%d leaves)%n", kib[kib.length / 2] / 1024.0,
                kib[kib.length - 1] / 1024.0, kib.length);
    }

    private static long rssKiB(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS")).mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(0);
    }

    private static void pages(BenchPlatform platform) throws Exception {
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) platform.api).getWebServer().getPort();
        PageBenchmark.Session session = PageBenchmark.Session.logIn(base);
        List<String> figures = new ArrayList<>();
        for (String page : List.of("/devices", "/", "/devices/fleet-000")) {
            double[] millis = session.time(page, 100);
            figures.add("%s p50 %.1f ms p95 %.1f ms".formatted(page, millis[0], millis[1]));
        }
        System.out.println("dashboard pages (100 requests each): " + String.join("; ", figures));
    }
}
