package io.fleetmesh.bench;

import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.edge.config.AgentConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The two ways to bring a truck's outbox to the hub, side by side at fleet scale (ADR 0004): the agent forwarder
 * ({@code --mode forwarder}) and hub-side cross-domain sourcing ({@code --mode sourcing}: agents with
 * {@code sync=none}, the hub's aggregate streams {@code SYNC-<n>} each source {@code --per-stream} trucks'
 * outboxes). Hub only, no fleet-api or PostgreSQL, so the rig's cores go to the trucks and the sync. Three
 * phases: the whole fleet connected (sensor to hub-stream latency, CPU); half the fleet parked (leaf servers
 * stopped, as a truck with its gateway off) while the other half runs; a hub outage with the connected half
 * buffering, then the time until the hub holds every reading; last, {@code --absent} more registered trucks
 * that never connect (to the forwarder nothing; to sourcing, sources the hub keeps retrying). Usage:
 * {@code bin/bench sync [--mode forwarder] [--trucks 200] [--seconds 60] [--outage 30] [--per-stream 25]
 * [--absent 1000]}.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        boolean sourcing = arguments.text("--mode", "forwarder").equals("sourcing");
        int trucks = arguments.integer("--trucks", 200);
        int seconds = arguments.integer("--seconds", 60);
        System.out.println(Machine.describe());
        System.out.printf("mode %s, %d trucks%n", sourcing ? "hub-side sourcing" : "agent forwarder", trucks);
        NatsServer hub = NatsServer.hub(Files.createTempDirectory("fleetmesh-bench-sync")).start();
        try (Connection admin = Nats.connect(Options.builder().server(hub.url()).maxReconnects(-1).build())) {
            List<String> ids = ids(trucks);
            HubStreams streams = sourcing ? HubStreams.sourcing(admin, ids, arguments.integer("--per-stream", 25))
                    : HubStreams.forwarding(admin);
            List<EdgeAgent> fleet = startFleet(hub, ids, sourcing);
            try (SensorFleet sensors = SensorFleet.of(fleet)) {
                Run run = new Run(hub, admin, streams, sensors, fleet);
                run.allConnected(seconds);
                run.halfParked(seconds);
                run.hubOutage(arguments.integer("--outage", 30));
                run.neverConnected(arguments.integer("--absent", 1_000), arguments.integer("--per-stream", 25), seconds);
            } finally {
                fleet.forEach(EdgeAgent::close);
            }
        } finally {
            hub.stop();
        }
        System.exit(0);
    }

    private static List<String> ids(int trucks) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < trucks; i++) {
            ids.add("sync-%03d".formatted(i));
        }
        return ids;
    }

    private static List<EdgeAgent> startFleet(NatsServer hub, List<String> ids, boolean sourcing) throws Exception {
        long start = System.nanoTime();
        ExecutorService starters = Executors.newFixedThreadPool(8);
        List<Future<EdgeAgent>> started = new ArrayList<>();
        for (String id : ids) {
            started.add(starters.submit(() -> startTruck(hub, id, sourcing)));
        }
        List<EdgeAgent> fleet = new ArrayList<>();
        for (Future<EdgeAgent> agent : started) {
            fleet.add(agent.get());
        }
        starters.shutdown();
        System.out.printf("fleet: %d trucks (agent + own leaf nats-server each) started in %.1f s%n", ids.size(),
                IngestBenchmark.seconds(start));
        return fleet;
    }

    private static EdgeAgent startTruck(NatsServer hub, String id, boolean sourcing) throws Exception {
        Map<String, String> settings = BenchPlatform.agentSettings(hub, id);
        settings.put("FLEETMESH_AGENT_SYNC", sourcing ? "none" : "forwarder");
        EdgeAgent agent = EdgeAgent.create(AgentConfig.load(null, settings), new Properties());
        agent.start();
        return agent;
    }

    /** The phases, sharing what was published so far. */
    private static final class Run {

        private final NatsServer hub;
        private final Connection admin;
        private final HubStreams streams;
        private final SensorFleet sensors;
        private final List<EdgeAgent> running;
        private final CpuClock cpu;
        private long published;

        Run(NatsServer hub, Connection admin, HubStreams streams, SensorFleet sensors, List<EdgeAgent> fleet) {
            this.hub = hub;
            this.admin = admin;
            this.streams = streams;
            this.sensors = sensors;
            this.running = new CopyOnWriteArrayList<>(fleet);
            this.cpu = new CpuClock(hub::pid, () -> running.stream().map(EdgeAgent::leafPid).toList());
        }

        /** The first 15 s (first pulls or source set-up, JIT) are published but not measured. */
        void allConnected(int seconds) throws Exception {
            published += sensors.publishFor(Duration.ofSeconds(15));
            measure("all " + sensors.size() + " trucks connected", sensors, seconds);
        }

        void halfParked(int seconds) throws Exception {
            List<EdgeAgent> parked = running.subList(running.size() / 2, running.size());
            parked.forEach(EdgeAgent::close);
            parked.clear();
            SensorFleet connected = sensors.first(running.size());
            published += connected.publishFor(Duration.ofSeconds(5));
            measure(running.size() + " trucks connected, " + (sensors.size() - running.size()) + " parked",
                    connected, seconds);
        }

        private void measure(String phase, SensorFleet publishing, int seconds) throws Exception {
            CpuClock.Reading before = cpu.read();
            long from = System.currentTimeMillis();
            published += publishing.publishFor(Duration.ofSeconds(seconds));
            long to = System.currentTimeMillis();
            CpuClock.Reading after = cpu.read();
            awaitStored(Duration.ofSeconds(120));
            System.out.printf("%s, %d s: %s; sensor to hub stream %s%n", phase, seconds, after.since(before),
                    streams.latency(admin, from, to));
        }

        void hubOutage(int seconds) throws Exception {
            hub.stop();
            published += sensors.first(running.size()).publishFor(Duration.ofSeconds(seconds));
            hub.start();
            long back = System.nanoTime();
            awaitStored(Duration.ofSeconds(300));
            System.out.printf("hub outage of %d s with %d trucks buffering: every reading in the hub %.1f s after it"
                    + " returned (%,d readings in all, none missing)%n", seconds, running.size(),
                    IngestBenchmark.seconds(back), published);
        }

        void neverConnected(int absent, int perStream, int seconds) throws Exception {
            streams.registerAbsent(admin, absent, perStream);
            SensorFleet connected = sensors.first(running.size());
            published += connected.publishFor(Duration.ofSeconds(5));
            measure(running.size() + " trucks connected, " + absent + " more registered that never connect", connected,
                    seconds);
        }

        private void awaitStored(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            long stored = 0;
            long lastReport = System.nanoTime();
            while ((stored = streams.storedTelemetry(admin)) < published) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the hub holds " + stored + " of " + published + " readings");
                }
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.out.printf("  the hub holds %,d of %,d readings%n", stored, published);
                }
                Thread.sleep(100);
            }
            if (stored > published) {
                throw new IllegalStateException("the hub holds " + stored + " readings, " + published + " were published");
            }
        }
    }
}
