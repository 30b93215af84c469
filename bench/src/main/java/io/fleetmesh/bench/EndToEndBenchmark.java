package io.fleetmesh.bench;

import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.context.Lifecycle;

/**
 * End-to-end ingest, truck publish to PostgreSQL row, beside the classic MQTT pipeline and the raw limits, all in
 * each run: (1) JetStream async publish into a file stream alone; (2) Fleetmesh: publishers into the hub's TELEMETRY
 * stream while fleet-api ingests, flat out and then paced at {@code --rate}; (3) PostgreSQL COPY of as many rows;
 * (4) Mosquitto, QoS 1 publishers, a batch-inserting subscriber into the same database, flat out and paced.
 * Usage: {@code bin/bench e2e [--messages 500000] [--rate 25000] [--seconds 20] [--runs 3] [--publishers 20]
 * [--devices 200] [--window 1000]}.
 */
public final class EndToEndBenchmark {

    private static final int STALL_SECONDS = 30;

    private EndToEndBenchmark() {
    }

    record Options(int messages, int rate, int seconds, int runs, int publishers, int devices, int window) {
        static Options of(Arguments arguments) {
            return new Options(arguments.integer("--messages", 500_000), arguments.integer("--rate", 25_000),
                    arguments.integer("--seconds", 20), arguments.integer("--runs", 3),
                    arguments.integer("--publishers", 20), arguments.integer("--devices", 200),
                    arguments.integer("--window", 1_000));
        }

        int paced() {
            return rate * seconds;
        }
    }

    record Run(double jetStream, Phase fleetFlat, Phase fleetPaced, double copy, Phase mqttFlat, Phase mqttPaced) {
        double ratio(Function<Run, Double> over) {
            return fleetFlat.rate() / over.apply(this);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.of(new Arguments(args));
        System.out.println(Machine.describe());
        System.out.println(Machine.versions());
        System.out.printf("end-to-end benchmark: %s; payload: %d metrics and a message number; mosquitto.conf: %s%n",
                options, TelemetryWorkload.METRICS, MosquittoBaseline.SETTINGS);
        warmUp(options);
        List<Run> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            System.out.printf("run %d%n", run);
            runs.add(runOnce(options, run % 2 == 0));
            report("run " + run, List.of(runs.get(runs.size() - 1)));
        }
        report("median of " + runs.size() + " runs", runs);
        System.exit(0);
    }

    /** The JIT compiles the publishers first, so that run 1's raw figure is not a cold JVM's (not reported). */
    private static void warmUp(Options options) throws Exception {
        System.out.println("warm-up (not reported)");
        rawJetStream(new LoadGenerator(options.publishers(), options.window()),
                new TelemetryWorkload(Math.min(options.messages(), 200_000), options.devices(), List.of()));
    }

    /** {@code mosquittoFirst}: alternate which pipeline meets the fuller table. */
    private static Run runOnce(Options options, boolean mosquittoFirst) throws Exception {
        TelemetryWorkload workload = new TelemetryWorkload(options.messages(), options.devices(), List.of());
        LoadGenerator generator = new LoadGenerator(options.publishers(), options.window());
        double jetStream = rawJetStream(generator, workload);
        try (BenchPlatform platform = new BenchPlatform()) {
            workload.registerDevices(platform.jdbc);
            System.out.println("  PostgreSQL " + platform.jdbc.queryForObject("SHOW server_version", String.class));
            Phase[] mqtt = mosquittoFirst ? mosquitto(platform, generator, workload, options) : null;
            Phase[] fleet = fleetmesh(platform, generator, workload, options);
            mqtt = mosquittoFirst ? mqtt : mosquitto(platform, generator, workload, options);
            double copy = new CopyBaseline(platform.jdbc).rowsPerSecond(workload);
            return new Run(jetStream, fleet[0], fleet[1], copy, mqtt[0], mqtt[1]);
        }
    }

    private static double rawJetStream(LoadGenerator generator, TelemetryWorkload workload) throws Exception {
        try (NatsServer hub = NatsServer.hub(Files.createTempDirectory("fleetmesh-bench-raw")).start();
             Connection admin = Nats.connect(hub.url())) {
            admin.jetStreamManagement().addStream(StreamConfiguration.builder().name("RAW")
                    .subjects(Subjects.ALL_TELEMETRY).storageType(StorageType.File).build());
            LoadGenerator.Result result = generator.run(natsPublishers(hub.url(), workload), workload.size(), 0);
            System.out.printf("  raw JetStream async publish to a file stream: %,d in %.1f s, %,.0f msgs/s (%d failed)%n",
                    result.sent(), result.seconds(), result.rate(), result.failed());
            return result.rate();
        }
    }

    private static Phase[] fleetmesh(BenchPlatform platform, LoadGenerator generator, TelemetryWorkload workload,
                                     Options options) throws Exception {
        LoadGenerator.PublisherFactory trucks = natsPublishers(platform.hub.url(), workload);
        LongSupplier stored = () -> (long) platform.storedReadings();
        Phase flat = Phase.measure("fleetmesh flat out", () -> generator.run(trucks, workload.size(), 0), stored,
                platform.jdbc, STALL_SECONDS);
        Phase paced = Phase.measure("fleetmesh paced at %,d msgs/s".formatted(options.rate()),
                () -> generator.run(trucks, options.paced(), options.rate()), stored, platform.jdbc, STALL_SECONDS);
        return new Phase[] {flat, paced};
    }

    private static Phase[] mosquitto(BenchPlatform platform, LoadGenerator generator, TelemetryWorkload workload,
                                     Options options) throws Exception {
        Lifecycle ingest = platform.api.getBean("telemetryIngest", Lifecycle.class);
        ingest.stop();
        try (MosquittoBaseline baseline = MosquittoBaseline.start(Files.createTempDirectory("fleetmesh-bench-mosquitto"),
                platform.database, 2, 2_000)) {
            LoadGenerator.PublisherFactory trucks = baseline.publishers(workload);
            Phase flat = Phase.measure("mosquitto flat out", () -> generator.run(trucks, workload.size(), 0),
                    baseline::stored, platform.jdbc, STALL_SECONDS);
            Phase paced = Phase.measure("mosquitto paced at %,d msgs/s".formatted(options.rate()),
                    () -> generator.run(trucks, options.paced(), options.rate()), baseline::stored, platform.jdbc,
                    STALL_SECONDS);
            return new Phase[] {flat, paced};
        } finally {
            ingest.start();
        }
    }

    static LoadGenerator.PublisherFactory natsPublishers(String url, TelemetryWorkload workload) {
        return index -> {
            Connection connection = Nats.connect(url);
            JetStream js = connection.jetStream();
            return new LoadGenerator.Publisher() {
                @Override
                public CompletableFuture<?> send(int i, long nowMillis) {
                    return js.publishAsync(workload.subject(i), workload.livePayload(i, nowMillis));
                }

                @Override
                public void close() throws InterruptedException {
                    connection.close();
                }
            };
        };
    }

    private static void report(String title, List<Run> runs) {
        double e2e = median(runs, run -> run.fleetFlat().rate());
        System.out.printf("%s: fleetmesh end to end %,.0f msgs/s (%,.0f data points/s), paced p50 %.0f ms p99 %.0f ms;"
                        + " raw JetStream publish %,.0f msgs/s; COPY %,.0f rows/s; mosquitto %,.0f msgs/s,"
                        + " paced p50 %.0f ms p99 %.0f ms%n", title, e2e, e2e * TelemetryWorkload.METRICS,
                median(runs, run -> run.fleetPaced().rows().p50()), median(runs, run -> run.fleetPaced().rows().p99()),
                median(runs, Run::jetStream), median(runs, Run::copy), median(runs, run -> run.mqttFlat().rate()),
                median(runs, run -> run.mqttPaced().rows().p50()), median(runs, run -> run.mqttPaced().rows().p99()));
        System.out.printf("%s: ratios end to end / raw JetStream %.2f, / COPY %.2f, / mosquitto %.2f;"
                        + " lost %d, duplicated %d (fleetmesh), lost %d, duplicated %d (mosquitto)%n", title,
                median(runs, run -> run.ratio(Run::jetStream)), median(runs, run -> run.ratio(Run::copy)),
                median(runs, run -> run.ratio(r -> r.mqttFlat().rate())),
                sum(runs, run -> run.fleetFlat().lost() + run.fleetPaced().lost()),
                sum(runs, run -> run.fleetFlat().rows().duplicated() + run.fleetPaced().rows().duplicated()),
                sum(runs, run -> run.mqttFlat().lost() + run.mqttPaced().lost()),
                sum(runs, run -> run.mqttFlat().rows().duplicated() + run.mqttPaced().rows().duplicated()));
    }

    private static double median(List<Run> runs, Function<Run, Double> figure) {
        return Stats.median(runs.stream().map(figure).toList());
    }

    private static long sum(List<Run> runs, Function<Run, Long> figure) {
        return runs.stream().mapToLong(figure::apply).sum();
    }
}
