package io.fleetmesh.bench;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ingest drain rate: N telemetry messages already in the hub's TELEMETRY stream, time until all are rows in
 * PostgreSQL; in the same run, the raw COPY rate of the same rows into a table with the same indexes.
 * Usage: {@code bin/bench ingest [--messages 1000000] [--runs 3] [--devices 200] [--fleetmesh.ingest.batch-size=N ...]};
 * {@code --fleetmesh.*} options go to fleet-api.
 */
public final class IngestBenchmark {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int messages = arguments.integer("--messages", 1_000_000);
        int runs = arguments.integer("--runs", 3);
        int devices = arguments.integer("--devices", 200);
        System.out.println(Machine.describe());
        System.out.printf("ingest benchmark: %,d messages (%d metrics each) from %d devices, %d runs%n",
                messages, TelemetryWorkload.METRICS, devices, runs);
        TelemetryWorkload workload = new TelemetryWorkload(messages, devices, arguments.fleetmeshOptions());
        System.out.println("fleet-api options: " + workload.apiOptions());
        List<Double> drain = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double[] rates = runOnce(workload);
            drain.add(rates[0]);
            copy.add(rates[1]);
            System.out.printf("run %d: drain %,.0f msgs/s (%,.0f data points/s), COPY %,.0f rows/s, ratio %.2f%n",
                    run, rates[0], rates[0] * TelemetryWorkload.METRICS, rates[1], rates[0] / rates[1]);
        }
        double medianDrain = Stats.median(drain);
        double medianCopy = Stats.median(copy);
        System.out.printf("median: drain %,.0f msgs/s (%,.0f data points/s), COPY %,.0f rows/s, ratio %.2f"
                        + " (drain runs %s, COPY runs %s)%n", medianDrain, medianDrain * TelemetryWorkload.METRICS,
                medianCopy, medianDrain / medianCopy, Stats.list(drain), Stats.list(copy));
    }

    private static double[] runOnce(TelemetryWorkload workload) throws Exception {
        try (Database database = Database.temporary();
             NatsServer hub = NatsServer.hub(Files.createTempDirectory("fleetmesh-bench-hub")).start()) {
            ConfigurableApplicationContext api = startApi(database, hub, workload.apiOptions());
            try {
                workload.registerDevices(api.getBean(JdbcTemplate.class));
                publish(hub, workload);
                double drainRate = drain(api, workload.size());
                double copyRate = new CopyBaseline(api.getBean(JdbcTemplate.class)).rowsPerSecond(workload);
                return new double[] {drainRate, copyRate};
            } finally {
                api.close();
            }
        }
    }

    private static ConfigurableApplicationContext startApi(Database database, NatsServer hub, List<String> options) {
        List<String> arguments = FleetApiArguments.of(database, hub,
                "--fleetmesh.ingest.auto-startup=false",
                "--server.port=0",
                "--fleetmesh.log.format=",
                "--logging.level.root=WARN",
                "--logging.level.io.fleetmesh=INFO");
        arguments.addAll(options);
        return new SpringApplicationBuilder(FleetApiApplication.class).run(arguments.toArray(String[]::new));
    }

    private static void publish(NatsServer hub, TelemetryWorkload workload) throws Exception {
        long start = System.nanoTime();
        try (Connection connection = Nats.connect(hub.url())) {
            workload.publish(connection, 20_000);
        }
        System.out.printf("  published %,d messages to the hub in %.1f s%n", workload.size(), seconds(start));
    }

    /** Starts the ingest consumer and waits until every message is a row. */
    private static double drain(ConfigurableApplicationContext api, int expected) throws Exception {
        MeterRegistry meters = api.getBean(MeterRegistry.class);
        long start = System.nanoTime();
        api.getBean("telemetryIngest", Lifecycle.class).start();
        // one counter per tenant, registered once the tenant's consumer runs: sum what is there
        while (meters.find("fleetmesh.ingest.readings").counters().stream().mapToDouble(Counter::count).sum() < expected) {
            if (System.nanoTime() - start > DRAIN_TIMEOUT.toNanos()) {
                throw new IllegalStateException("ingest did not drain within " + DRAIN_TIMEOUT);
            }
            Thread.sleep(20);
        }
        double elapsed = seconds(start);
        int rows = api.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM telemetry", Integer.class);
        if (rows != expected) {
            throw new IllegalStateException("expected " + expected + " rows, found " + rows);
        }
        System.out.printf("  drained %,d messages into PostgreSQL in %.2f s (%,.0f redeliveries skipped as duplicates)%n",
                expected, elapsed, meters.get("fleetmesh.ingest.duplicates").counter().count());
        return expected / elapsed;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
