package io.fleetmesh.bench;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.local.LocalMesh;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bin/bench taps [--readings 1000000] [--runs 3]}: data taps on the quick start's shape (the hub in operator
 * mode; devices and the tap's reader on their own credentials; fleet-api ingesting everything into PostgreSQL), all
 * on this machine's cores. Per run: ingest alone; one tap draining a backlog of {@code readings} alone; the same
 * drain while a fresh load is ingested (what a tap costs ingest); a Parquet export of the backlog. Then the time
 * from a subject-mapping change to its effect. Each run's figures, then their medians.
 */
final class TapsBenchmark implements AutoCloseable {

    private static final int PUBLISHERS = 4;
    private static final int LOAD = 200_000;

    private final Path home;
    private final NatsServer hub;
    private final Database database = Database.temporary();
    private final ConfigurableApplicationContext api;
    private final CommandBenchmark.Rest rest;
    private final List<Path> devices = new ArrayList<>();

    private TapsBenchmark(Path home) throws Exception {
        this.home = home;
        LocalMesh mesh = LocalMesh.in(home);
        hub = mesh.secure(NatsServer.hub(home.resolve("hub"))).start();
        api = new SpringApplicationBuilder(FleetApiApplication.class).run(FleetApiArguments.of(database, hub,
                "--fleetmesh.http.port=0", "--fleetmesh.log.format=", "--logging.level.root=WARN",
                "--fleetmesh.mesh.keys-dir=" + mesh.keysDir(), "--fleetmesh.exports.interval=1s",
                "--fleetmesh.exports.directory=" + home.resolve("exports"),
                "--fleetmesh.security.admin-password=" + BenchPlatform.ADMIN_PASSWORD).toArray(String[]::new));
        rest = new CommandBenchmark.Rest(api);
        for (int i = 0; i < PUBLISHERS; i++) {
            device("bench-tap-" + i);
        }
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int readings = arguments.integer("--readings", 1_000_000);
        int runs = arguments.integer("--runs", 3);
        System.out.println(Machine.describe());
        try (TapsBenchmark bench = new TapsBenchmark(Files.createTempDirectory("fleetmesh-bench-taps"))) {
            bench.run(readings, runs);
        }
    }

    private void run(int readings, int runs) throws Exception {
        long first = lastSequence() + 1;
        System.out.printf("backlog: %,d readings published at %,.0f/s%n", readings, publish(readings));
        waitFor("the backlog stored", () -> stored() >= readings);
        TapRuns results = new TapRuns();
        for (int run = 1; run <= runs; run++) {
            results.add(run(run, readings, first));
        }
        results.print();
        MappingLatency.measure(this);
    }

    private TapRuns.Run run(int run, int readings, long first) throws Exception {
        double ingestAlone = ingest();
        String tap = "drain-" + run;
        Path creds = home.resolve(tap + ".creds");
        Files.writeString(creds, rest.post("/api/v1/taps", "{\"name\": \"" + tap + "\", \"source\": \"telemetry\","
                + " \"startSequence\": " + first + "}").get("credentials").stringValue());
        double drainAlone = drain(tap, creds, readings, new AtomicLong());
        rest.post("/api/v1/taps/" + tap + "/reset", "{\"sequence\": " + first + "}");
        AtomicLong read = new AtomicLong();
        CompletableFuture<Double> drained = CompletableFuture.supplyAsync(() -> drainQuietly(tap, creds, readings, read));
        long start = System.nanoTime();
        long before = read.get();
        double ingestDuring = ingest();
        // what the tap read while the load was ingested, not after it
        double drainDuring = (read.get() - before) / IngestBenchmark.seconds(start);
        drained.join();
        rest.delete("/api/v1/taps/" + tap);
        double export = export("export-" + run, readings, first);
        TapRuns.Run result = new TapRuns.Run(ingestAlone, drainAlone, drainDuring, ingestDuring, export);
        System.out.printf("run %d: ingest alone %,.0f readings/s; drain alone %,.0f msgs/s; drain while ingesting %,.0f"
                        + " msgs/s, ingest meanwhile %,.0f readings/s (%.2f of alone); Parquet export %,.0f rows/s%n", run,
                ingestAlone, drainAlone, drainDuring, ingestDuring, ingestDuring / ingestAlone, export);
        return result;
    }

    /** A fresh load published and stored; readings stored per second, publishing included. */
    private double ingest() throws Exception {
        double before = stored();
        long start = System.nanoTime();
        publish(LOAD);
        waitFor("the load stored", () -> stored() >= before + LOAD);
        return LOAD / IngestBenchmark.seconds(start);
    }

    /** The tap's reader pulls 1,000 at a time and acknowledges each, until it has {@code readings}; msgs/s. */
    private double drain(String tap, Path creds, int readings, AtomicLong read) throws Exception {
        try (Connection reader = connect(creds, "_TAP_INBOX." + tap)) {
            JetStreamSubscription pull = reader.jetStream().subscribe(null,
                    PullSubscribeOptions.bind("TELEMETRY", "tap-" + tap));
            long start = System.nanoTime();
            while (read.get() < readings) {
                for (Message message : pull.fetch(1_000, Duration.ofSeconds(2))) {
                    message.ack();
                    read.incrementAndGet();
                }
            }
            reader.flush(Duration.ofSeconds(10));
            return read.get() / IngestBenchmark.seconds(start);
        }
    }

    private double drainQuietly(String tap, Path creds, int readings, AtomicLong read) {
        try {
            return drain(tap, creds, readings, read);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Parquet-exporting tap over the backlog: rows written per second from its creation. */
    private double export(String tap, int readings, long first) throws Exception {
        long start = System.nanoTime();
        rest.post("/api/v1/taps", "{\"name\": \"" + tap + "\", \"source\": \"telemetry\", \"startSequence\": " + first
                + ", \"export\": \"parquet\", \"maxAckPending\": 100000}");
        waitFor("the export", () -> exportedRows(tap) >= readings);
        double rate = exportedRows(tap) / IngestBenchmark.seconds(start);
        rest.delete("/api/v1/taps/" + tap);
        return rate;
    }

    /** {@code total} readings from the devices, flat out, each acknowledged by the hub; publishes per second. */
    double publish(int total) throws Exception {
        LoadGenerator.Result result = new LoadGenerator(PUBLISHERS, 2_000).run(this::publisher, total, 0);
        if (result.failed() > 0) {
            throw new IllegalStateException(result.failed() + " publishes failed");
        }
        return result.rate();
    }

    private LoadGenerator.Publisher publisher(int index) throws Exception {
        String device = "bench-tap-" + index;
        Connection connection = connect(devices.get(index), "_INBOX." + device);
        JetStream js = connection.jetStream();
        String subject = "fleet." + device + ".telemetry.reefer";
        return new LoadGenerator.Publisher() {
            @Override
            public CompletableFuture<?> send(int i, long nowMillis) {
                return js.publishAsync(subject, ("{\"ts\": " + nowMillis + ", \"temp\": " + (i % 40 - 20) + ", \"door\": "
                        + (i % 2) + "}").getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() throws Exception {
                connection.close();
            }
        };
    }

    private void device(String id) throws Exception {
        rest.post("/api/v1/devices", "{\"id\": \"" + id + "\", \"name\": \"" + id + "\", \"kind\": \"reefer-truck\", \"tags\": []}");
        Path creds = home.resolve(id + ".creds");
        Files.writeString(creds, rest.postText("/api/v1/devices/" + id + "/credentials"));
        devices.add(creds);
    }

    Connection connect(Path creds, String inboxPrefix) throws Exception {
        return Nats.connect(Options.builder().server(hub.url()).inboxPrefix(inboxPrefix)
                .authHandler(Nats.credentials(creds.toString())).build());
    }

    Path deviceCreds(int index) {
        return devices.get(index);
    }

    CommandBenchmark.Rest rest() {
        return rest;
    }

    private long lastSequence() throws Exception {
        return api.getBean(MeshLinks.class).of(CurrentTenant.DEFAULT).orElseThrow().connection().jetStreamManagement()
                .getStreamInfo("TELEMETRY").getStreamState().getLastSequence();
    }

    private double stored() {
        return api.getBean(MeterRegistry.class).find("fleetmesh.ingest.readings").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private long exportedRows(String tap) {
        return api.getBean(JdbcTemplate.class).queryForObject("SELECT coalesce(sum(rows), 0) FROM tap_export_files"
                + " WHERE tap_name = ?", Long.class, tap);
    }

    static void waitFor(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        api.close();
        hub.stop();
        database.close();
    }
}
