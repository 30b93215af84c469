package io.fleetmesh.bench;

import io.fleetmesh.edge.EdgeAgent;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The agent forwarder at fleet scale: N trucks, each a real agent with its own leaf nats-server, each publishing
 * one reading a second. Live latency (sensor timestamp to PostgreSQL commit, p50/p99), then a hub outage and
 * the time until every truck's backlog is rows. Usage: {@code bin/bench fleet [--trucks 200] [--seconds 60]
 * [--outage 30]}.
 */
public final class FleetBenchmark {

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int trucks = arguments.integer("--trucks", 200);
        int seconds = arguments.integer("--seconds", 60);
        int outage = arguments.integer("--outage", 30);
        System.out.println(Machine.describe());
        try (BenchPlatform platform = new BenchPlatform()) {
            List<EdgeAgent> fleet = startFleet(platform, trucks);
            try (SensorFleet sensors = SensorFleet.of(fleet)) {
                live(platform, sensors, seconds);
                outage(platform, sensors, outage);
            }
        }
        System.exit(0);
    }

    static List<EdgeAgent> startFleet(BenchPlatform platform, int trucks) throws Exception {
        long start = System.nanoTime();
        ExecutorService starters = Executors.newFixedThreadPool(8);
        List<Future<EdgeAgent>> started = new ArrayList<>();
        for (int i = 0; i < trucks; i++) {
            String id = "fleet-%03d".formatted(i);
            started.add(starters.submit(() -> platform.truck(id, new Properties())));
        }
        List<EdgeAgent> fleet = new ArrayList<>();
        for (Future<EdgeAgent> agent : started) {
            fleet.add(agent.get());
        }
        starters.shutdown();
        System.out.printf("fleet: %d trucks (agent + own leaf nats-server each) started in %.1f s%n", trucks,
                IngestBenchmark.seconds(start));
        return fleet;
    }

    /** Steady state: the first 15 s after the fleet starts (first pulls, JIT) are published but not measured. */
    static void live(BenchPlatform platform, SensorFleet sensors, int seconds) throws Exception {
        sensors.publishFor(Duration.ofSeconds(15));
        Instant from = Instant.now();
        sensors.publishFor(Duration.ofSeconds(seconds));
        Thread.sleep(3_000);
        StoredRows rows = StoredRows.between(platform.jdbc, from.toEpochMilli(), System.currentTimeMillis());
        System.out.printf("live: %,d readings from %d connected trucks in %d s, sensor to PostgreSQL row: %s%n",
                rows.rows(), sensors.size(), seconds, rows.latency());
        // Where the slow ones are: a few trucks (edge side) or one moment for all (cloud side)?
        System.out.println("  readings over 1 s, by truck: " + platform.jdbc.queryForList(
                "SELECT device_id || '=' || count(*) FROM telemetry WHERE ts >= ? AND received_at - ts > interval '1 second'"
                        + " GROUP BY device_id ORDER BY count(*) DESC LIMIT 8", String.class, java.sql.Timestamp.from(from)));
        System.out.println("  readings over 1 s, by second received: " + platform.jdbc.queryForList(
                "SELECT to_char(date_trunc('second', received_at), 'HH24:MI:SS') || '=' || count(*) FROM telemetry"
                        + " WHERE ts >= ? AND received_at - ts > interval '1 second' GROUP BY date_trunc('second', received_at)"
                        + " ORDER BY count(*) DESC LIMIT 8",
                String.class, java.sql.Timestamp.from(from)));
    }

    static void outage(BenchPlatform platform, SensorFleet sensors, int seconds) throws Exception {
        double before = platform.storedReadings();
        platform.hub.stop();
        long published = sensors.publishFor(Duration.ofSeconds(seconds));
        platform.hub.start();
        long back = System.nanoTime();
        long lastReport = back;
        while (platform.storedReadings() - before < published) {
            if (System.nanoTime() - lastReport > 2_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.printf("  catching up: %,.0f of %,d stored; hub TELEMETRY holds %,d%n",
                        platform.storedReadings() - before, published, hubTelemetry(platform));
            }
            if (IngestBenchmark.seconds(back) > 300) {
                throw new IllegalStateException("the fleet did not catch up within 300 s");
            }
            Thread.sleep(50);
        }
        System.out.printf("outage: %,d readings buffered by %d trucks during %d s without the hub; all rows %.1f s"
                + " after the hub came back%n", published, sensors.size(), seconds, IngestBenchmark.seconds(back));
    }

    private static long hubTelemetry(BenchPlatform platform) {
        try (Connection hub = Nats.connect(platform.hub.url())) {
            return hub.jetStreamManagement().getStreamInfo("TELEMETRY").getStreamState().getMsgCount();
        } catch (Exception e) {
            return -1;
        }
    }
}
