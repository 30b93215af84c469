package io.fleetmesh.bench;

import io.fleetmesh.api.telemetry.TelemetryChanges;
import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.context.Lifecycle;
import org.springframework.core.env.Environment;

/**
 * End-to-end ingest, truck publish to PostgreSQL row, beside the classic MQTT pipeline and the raw limits, all in
 * each run: (1) the same publishers into a file stream alone; (2) Fleetmesh: publishers into the hub's TELEMETRY
 * stream as forwarders publish ({@link ForwarderPublisher}: telemetry batches, a lone reading with its identity
 * headers), while fleet-api ingests, flat out and then paced at {@code --rate}; (3) PostgreSQL COPY of as many rows; (4) Mosquitto
 * ({@link MosquittoBaseline}), flat out and paced. Each pipeline's CPU seconds per stored reading, every process it
 * runs on, beside its rate. Runs alternate which pipeline goes first. A warm-up (not reported) runs both, so the
 * JIT has compiled publishers and ingest alike before run 1.
 * Usage: {@code bin/bench e2e [--messages 500000] [--rate 25000] [--seconds 20] [--runs 4] [--publishers 20]
 * [--devices 200] [--window 1000]}.
 */
public final class EndToEndBenchmark {

    private static final int STALL_SECONDS = 30;
    private static final AtomicLong EPOCHS = new AtomicLong(System.currentTimeMillis());

    private EndToEndBenchmark() {
    }

    record Options(int messages, int rate, int seconds, int runs, int publishers, int devices, int window) {
        static Options of(Arguments arguments) {
            return new Options(arguments.integer("--messages", 500_000), arguments.integer("--rate", 25_000),
                    arguments.integer("--seconds", 20), arguments.integer("--runs", 4),
                    arguments.integer("--publishers", 20), arguments.integer("--devices", 200),
                    arguments.integer("--window", 1_000));
        }

        int paced() {
            return rate * seconds;
        }
    }

    record Run(double jetStream, double publisherCpu, Phase fleetFlat, Phase fleetPaced, double copy, Phase mqttFlat,
               Phase mqttPaced) {
        double ratio(Function<Run, Double> over) {
            return fleetFlat.rate() / over.apply(this);
        }
    }

    /** Exits in every case: a failure leaves client threads behind that would keep the JVM (and its load) alive. */
    public static void main(String[] args) {
        try {
            run(Options.of(new Arguments(args)));
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Options options) throws Exception {
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
    }

    /** The JIT compiles publishers, ingest and the baseline's writers first, so run 1 is not a cold JVM's. */
    private static void warmUp(Options options) throws Exception {
        System.out.println("warm-up (not reported)");
        TelemetryWorkload workload = new TelemetryWorkload(Math.min(options.messages(), 200_000), options.devices(),
                List.of());
        LoadGenerator generator = new LoadGenerator(options.publishers(), options.window());
        rawJetStream(generator, workload);
        Options brief = new Options(workload.size(), options.rate(), 2, 1, options.publishers(), options.devices(),
                options.window());
        try (BenchPlatform platform = new BenchPlatform()) {
            workload.registerDevices(platform.jdbc);
            fleetmesh(platform, generator, workload, brief);
            mosquitto(platform, generator, workload, brief);
        }
    }

    /** {@code mosquittoFirst}: alternate which pipeline meets the fuller table. */
    private static Run runOnce(Options options, boolean mosquittoFirst) throws Exception {
        TelemetryWorkload workload = new TelemetryWorkload(options.messages(), options.devices(), List.of());
        LoadGenerator generator = new LoadGenerator(options.publishers(), options.window());
        RawPublish raw = rawJetStream(generator, workload);
        try (BenchPlatform platform = new BenchPlatform()) {
            workload.registerDevices(platform.jdbc);
            System.out.println("  PostgreSQL " + platform.jdbc.queryForObject("SHOW server_version", String.class));
            Phase[] mqtt = mosquittoFirst ? mosquitto(platform, generator, workload, options) : null;
            Phase[] fleet = fleetmesh(platform, generator, workload, options);
            mqtt = mosquittoFirst ? mqtt : mosquitto(platform, generator, workload, options);
            double copy = new CopyBaseline(platform.jdbc).rowsPerSecond(workload);
            return new Run(raw.rate(), raw.publisherCpu(), fleet[0], fleet[1], copy, mqtt[0], mqtt[1]);
        }
    }

    /** The raw phase's rate, and the publishers' own CPU µs per message (this JVM runs nothing else meanwhile). */
    private record RawPublish(double rate, double publisherCpu) {
    }

    private static RawPublish rawJetStream(LoadGenerator generator, TelemetryWorkload workload) throws Exception {
        try (NatsServer hub = NatsServer.hub(Files.createTempDirectory("fleetmesh-bench-raw")).start();
             Connection admin = Nats.connect(hub.url())) {
            admin.jetStreamManagement().addStream(StreamConfiguration.builder().name("RAW")
                    .subjects(Subjects.ALL_TELEMETRY).storageType(StorageType.File).build());
            ProcessCpu processes = new ProcessCpu().role("publishers", ProcessCpu.self()).role("hub", hub.pid());
            Map<String, Double> before = processes.read();
            LoadGenerator.Result result = generator.run(natsPublishers(hub.url(), workload), workload.size(), 0);
            Map<String, Double> cpu = ProcessCpu.between(before, processes.read());
            double publishers = cpu.get("publishers") * 1e6 / Math.max(1, result.sent());
            System.out.printf("  raw JetStream publish as forwarders do, to a file stream: %,d readings in %.1f s, %,.0f msgs/s (%d failed);"
                            + " CPU per reading: publishers %.1f µs, hub %.1f µs%n", result.sent(), result.seconds(),
                    result.rate(), result.failed(), publishers, cpu.get("hub") * 1e6 / Math.max(1, result.sent()));
            return new RawPublish(result.rate(), publishers);
        }
    }

    private static Phase[] fleetmesh(BenchPlatform platform, LoadGenerator generator, TelemetryWorkload workload,
                                     Options options) throws Exception {
        LoadGenerator.PublisherFactory trucks = natsPublishers(platform.hub.url(), workload);
        LongSupplier stored = () -> (long) platform.storedReadings();
        ProcessCpu processes = new ProcessCpu().role("publishers+fleet-api", ProcessCpu.self())
                .role("hub", platform.hub.pid()).role("postgres", ProcessCpu::postgres);
        Phase flat = Phase.measure("fleetmesh flat out", () -> generator.run(trucks, workload.size(), 0), stored,
                platform.jdbc, STALL_SECONDS, processes);
        Phase paced = Phase.measure("fleetmesh paced at %,d msgs/s".formatted(options.rate()),
                () -> generator.run(trucks, options.paced(), options.rate()), stored, platform.jdbc, STALL_SECONDS,
                processes);
        return new Phase[] {flat, paced};
    }

    private static Phase[] mosquitto(BenchPlatform platform, LoadGenerator generator, TelemetryWorkload workload,
                                     Options options) throws Exception {
        Lifecycle ingest = platform.api.getBean("telemetryIngest", Lifecycle.class);
        ingest.stop();
        Environment settings = platform.api.getEnvironment();
        try (MosquittoBaseline baseline = MosquittoBaseline.start(Files.createTempDirectory("fleetmesh-bench-mosquitto"),
                platform.database, settings.getProperty("fleetmesh.ingest.writers", Integer.class, 2),
                settings.getProperty("fleetmesh.ingest.batch-size", Integer.class, 2_000),
                platform.api.getBean(TelemetryChanges.class).followed())) {
            LoadGenerator.PublisherFactory trucks = baseline.publishers(workload);
            ProcessCpu processes = new ProcessCpu().role("publishers+subscribers", ProcessCpu.self())
                    .role("mosquitto", baseline.pid()).role("postgres", ProcessCpu::postgres);
            Phase flat = Phase.measure("mosquitto flat out", () -> generator.run(trucks, workload.size(), 0),
                    baseline::stored, platform.jdbc, STALL_SECONDS, processes);
            Phase paced = Phase.measure("mosquitto paced at %,d msgs/s".formatted(options.rate()),
                    () -> generator.run(trucks, options.paced(), options.rate()), baseline::stored, platform.jdbc,
                    STALL_SECONDS, processes);
            return new Phase[] {flat, paced};
        } finally {
            ingest.start();
        }
    }

    /**
     * As a truck's forwarder publishes ({@link ForwarderPublisher}): several readings of a device as a telemetry batch,
     * a lone one as a message with its identity headers, so the hub's de-duplication and fleet-api's identity path
     * cost what they cost in production. Message {@code i} is sequence {@code i + 1} of its device (a device's
     * messages all come from one publisher), in an epoch of that publisher's own for each load.
     */
    static LoadGenerator.PublisherFactory natsPublishers(String url, TelemetryWorkload workload) {
        return index -> new ForwarderPublisher(workload, Nats.connect(url), EPOCHS.incrementAndGet());
    }

    private static void report(String title, List<Run> runs) {
        double e2e = median(runs, run -> run.fleetFlat().rate());
        System.out.printf("%s: CPU per stored reading, flat out: fleetmesh %.1f µs (of which the publishers, measured"
                        + " alone, %.1f µs), mosquitto %.1f µs; ratio mosquitto / fleetmesh %.2f%n", title,
                median(runs, run -> run.fleetFlat().cpuPerReading()), median(runs, Run::publisherCpu),
                median(runs, run -> run.mqttFlat().cpuPerReading()),
                median(runs, run -> run.mqttFlat().cpuPerReading() / run.fleetFlat().cpuPerReading()));
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
