package io.fleetmesh.bench;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.NatsCluster;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ingest with one and with two fleet-api replicas sharing the durable consumer, on a 3-node NATS JetStream
 * cluster with the streams replicated 3 times: N messages in the hub first, then the replicas' consumers start
 * together; the time until every message is a row. Both replicas run in this JVM (two Spring contexts, each with its
 * own connections and pool), so they share its CPU, as two pods would share a 2-core node. Usage:
 * {@code bin/bench scale [--messages 300000] [--runs 3] [--devices 200]}; prints each run and the ratio of medians.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int messages = arguments.integer("--messages", 300_000);
        int runs = arguments.integer("--runs", 3);
        TelemetryWorkload workload = new TelemetryWorkload(messages, arguments.integer("--devices", 200),
                arguments.fleetmeshOptions());
        System.out.println(Machine.describe());
        List<Double> one = new ArrayList<>();
        List<Double> two = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            // alternating which goes first: neither always runs on a warmer JVM
            if (run % 2 == 1) {
                one.add(runOnce(workload, 1));
                two.add(runOnce(workload, 2));
            } else {
                two.add(runOnce(workload, 2));
                one.add(runOnce(workload, 1));
            }
            System.out.printf("run %d: 1 replica %,.0f msgs/s, 2 replicas %,.0f msgs/s%n", run, one.get(run - 1), two.get(run - 1));
        }
        System.out.printf("median: 1 replica %,.0f msgs/s, 2 replicas %,.0f msgs/s, ratio %.2f (runs %s and %s)%n",
                Stats.median(one), Stats.median(two), Stats.median(two) / Stats.median(one), Stats.list(one), Stats.list(two));
        System.exit(0);
    }

    private static double runOnce(TelemetryWorkload workload, int replicas) throws Exception {
        try (Database database = Database.temporary();
             NatsCluster cluster = NatsCluster.start(Files.createTempDirectory("fleetmesh-bench-cluster"), 3)) {
            List<ConfigurableApplicationContext> apis = new ArrayList<>();
            try {
                for (int i = 0; i < replicas; i++) {
                    apis.add(startApi(database, cluster, workload.apiOptions()));
                }
                JdbcTemplate jdbc = apis.get(0).getBean(JdbcTemplate.class);
                workload.registerDevices(jdbc);
                publish(cluster, workload);
                return drain(apis, jdbc, workload.size());
            } finally {
                apis.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    private static ConfigurableApplicationContext startApi(Database database, NatsCluster cluster, List<String> options) {
        List<String> arguments = new ArrayList<>(List.of("--fleetmesh.db.url=" + database.jdbcUrl(),
                "--fleetmesh.db.username=" + database.username(), "--fleetmesh.db.password=" + database.password(),
                "--fleetmesh.nats.urls=" + cluster.urls(), "--fleetmesh.nats.streams.replicas=3",
                "--fleetmesh.ingest.auto-startup=false", "--fleetmesh.http.port=0", "--fleetmesh.log.format=",
                "--logging.level.root=WARN"));
        arguments.addAll(options);
        return new SpringApplicationBuilder(FleetApiApplication.class).run(arguments.toArray(String[]::new));
    }

    private static void publish(NatsCluster cluster, TelemetryWorkload workload) throws Exception {
        try (Connection connection = Nats.connect(Options.builder().servers(cluster.urls().split(",")).build())) {
            workload.publish(connection, 10_000);
        }
    }

    /** Starts every replica's consumer at once and waits until the rows are all there. */
    private static double drain(List<ConfigurableApplicationContext> apis, JdbcTemplate jdbc, int expected) throws Exception {
        long start = System.nanoTime();
        apis.forEach(api -> api.getBean("telemetryIngest", Lifecycle.class).start());
        while (jdbc.queryForObject("SELECT count(*) FROM telemetry", Integer.class) < expected) {
            if (System.nanoTime() - start > 600e9) {
                throw new IllegalStateException("ingest did not drain within 10 minutes");
            }
            Thread.sleep(100);
        }
        double rate = expected / IngestBenchmark.seconds(start);
        System.out.printf("  %d replica(s): %,d rows in PostgreSQL, %,.0f msgs/s%n", apis.size(), expected, rate);
        return rate;
    }
}
