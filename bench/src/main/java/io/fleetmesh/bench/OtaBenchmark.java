package io.fleetmesh.bench;

import io.fleetmesh.edge.EdgeAgent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A package to a fleet of real trucks (agent and own leaf nats-server each, in this JVM, on loopback) through a
 * rollout: time until every truck SUCCEEDED, the hub's egress beside trucks × package size (ADR 0013: each truck
 * pulls the chunks once from its own consumer), the same with every truck's agent restarted half-way through its
 * download (the resume overhead), and the dashboard's live poll ({@code GET /api/v1/rollouts}, what the rollouts page
 * fetches every 3 s) timed throughout. Usage: {@code bin/bench ota [--trucks 50] [--mib 50] [--resumed 10]
 * [--runs 1] [--timeout 900]}.
 */
public final class OtaBenchmark {

    private static final JsonMapper json = JsonMapper.builder().build();
    /** The chunk fleet-api stores packages in (Packages.CHUNK_BYTES). */
    private static final int CHUNK_BYTES = 128 * 1024;

    private final BenchPlatform platform;
    private final CommandBenchmark.Rest rest;
    private final List<EdgeAgent> fleet;
    private final int timeoutSeconds;

    private OtaBenchmark(BenchPlatform platform, List<EdgeAgent> fleet, int timeoutSeconds) throws Exception {
        this.platform = platform;
        this.rest = new CommandBenchmark.Rest(platform);
        this.fleet = fleet;
        this.timeoutSeconds = timeoutSeconds;
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int trucks = arguments.integer("--trucks", 50);
        int mib = arguments.integer("--mib", 50);
        System.out.println(Machine.describe());
        System.out.println(Machine.versions());
        try (BenchPlatform platform = new BenchPlatform()) {
            OtaBenchmark bench = new OtaBenchmark(platform, FleetBenchmark.startFleet(platform, trucks),
                    arguments.integer("--timeout", 900));
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= arguments.integer("--runs", 1); run++) {
                seconds.add(bench.rollout("whole-" + run, mib, trucks, false));
            }
            if (!seconds.isEmpty()) {
                System.out.printf("time to all SUCCEEDED, %d run(s): %s s, median %.1f s%n", seconds.size(),
                        Stats.list(seconds), Stats.median(seconds));
            }
            int resumed = Math.min(trucks, arguments.integer("--resumed", 10));
            if (resumed > 0) {
                bench.rollout("resumed", mib, resumed, true);
            }
        }
        System.exit(0);
    }

    /** One package version to the first {@code trucks} trucks; the seconds until all SUCCEEDED. */
    private double rollout(String version, int mib, int trucks, boolean restartHalfway) throws Exception {
        byte[] bytes = new byte[mib * 1024 * 1024];
        new Random(version.hashCode()).nextBytes(bytes);
        long uploadStart = System.nanoTime();
        require(rest.put("/api/v1/packages/bench-map/%s?kind=file".formatted(version), bytes) == 201, "upload");
        System.out.printf("== %s: %d MiB package uploaded in %.1f s; to %d trucks%s%n", version, mib,
                IngestBenchmark.seconds(uploadStart), trucks, restartHalfway ? ", each agent restarted half-way" : "");
        List<EdgeAgent> targets = fleet.subList(0, trucks);
        long egressBefore = hubOutBytes();
        long start = System.nanoTime();
        String id = rest.post("/api/v1/rollouts", plan(version, targets)).get("id").stringValue();
        LivePoll poll = follow(id, targets, restartHalfway ? bytes.length / CHUNK_BYTES / 2 : -1);
        double seconds = IngestBenchmark.seconds(start);
        long egress = hubOutBytes() - egressBefore;
        System.out.printf("all %d trucks SUCCEEDED in %.1f s (%s; %d agents restarted half-way); hub egress %.1f MiB"
                + " = %.3f × trucks × package%n", trucks, seconds, poll.finalStates, poll.restarted.size(),
                egress / 1048576.0, egress / ((double) bytes.length * trucks));
        System.out.printf("dashboard poll GET /api/v1/rollouts: %d polls, p50 %.1f ms, max %.1f ms; the counts moved in"
                + " %d of them%n", poll.millis.size(), Stats.median(poll.millis), Collections.max(poll.millis), poll.moved);
        return seconds;
    }

    /** A canary truck, then all the others, released as fast as the rollout allows. */
    private static String plan(String version, List<EdgeAgent> targets) {
        String devices = targets.stream().map(agent -> "\"" + agent.deviceId() + "\"").collect(Collectors.joining(","));
        return ("{\"name\": \"bench %s\", \"packageName\": \"bench-map\", \"packageVersion\": \"%s\", \"devices\": [%s],"
                + " \"canary\": %d, \"percents\": [100], \"perMinute\": 6000}").formatted(version, version, devices,
                targets.size() > 1 ? 1 : 0);
    }

    private static final class LivePoll {
        final List<Double> millis = new ArrayList<>();
        final Set<String> restarted = ConcurrentHashMap.newKeySet();
        int moved;
        String finalStates = "";
    }

    /** Polls as the page does (every second here) until the rollout ends; restarts each truck's agent half-way. */
    private LivePoll follow(String rollout, List<EdgeAgent> targets, long restartAtChunk) throws Exception {
        LivePoll poll = new LivePoll();
        Thread restarter = restartAtChunk > 0 ? restarter(rollout, targets, poll.restarted, restartAtChunk) : null;
        try {
            return poll(rollout, poll);
        } finally {
            if (restarter != null) {
                restarter.interrupt();
                restarter.join();
            }
        }
    }

    private LivePoll poll(String rollout, LivePoll poll) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            JsonNode shown = find(rest.get("/api/v1/rollouts"), rollout);
            poll.millis.add((System.nanoTime() - sent) / 1e6);
            String states = shown.get("states").toString();
            poll.moved += states.equals(last) ? 0 : 1;
            last = states;
            if (!shown.get("status").stringValue().equals("RUNNING")) {
                poll.finalStates = shown.get("status").stringValue() + " " + states;
                require(shown.get("status").stringValue().equals("COMPLETED"), "the rollout completed: " + states);
                return poll;
            }
            Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - sent) / 1_000_000));
        }
        throw new IllegalStateException("the rollout did not end within " + timeoutSeconds + " s: " + last);
    }

    /** Watches the spools closely (a download of 50 MiB takes seconds here) and restarts each truck once. */
    private Thread restarter(String rollout, List<EdgeAgent> targets, Set<String> restarted, long half) {
        ExecutorService restarts = Executors.newCachedThreadPool();
        Thread watcher = new Thread(() -> {
            try {
                while (restarted.size() < targets.size()) {
                    restartHalfDone(rollout, targets, restarted, half, restarts);
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                restarts.shutdown();
            }
        }, "restarter");
        watcher.start();
        return watcher;
    }

    /** {@code targets} is a view of the fleet: a restarted agent takes its old one's place in both. */
    private void restartHalfDone(String rollout, List<EdgeAgent> targets, Set<String> restarted, long half,
                                 ExecutorService restarts) throws IOException {
        for (int i = 0; i < targets.size(); i++) {
            EdgeAgent agent = targets.get(i);
            Path chunks = platform.dataDir(agent.deviceId()).resolve("ota").resolve(rollout).resolve("chunks");
            if (!restarted.contains(agent.deviceId()) && spooled(chunks) >= half) {
                restarted.add(agent.deviceId());
                int slot = i;
                restarts.submit(() -> targets.set(slot, platform.restart(agent))); // a stop takes seconds: side by side
            }
        }
    }

    private static long spooled(Path chunks) throws IOException {
        if (!Files.isDirectory(chunks)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(chunks)) {
            return files.count();
        }
    }

    private static JsonNode find(JsonNode rollouts, String id) {
        for (JsonNode rollout : rollouts) {
            if (rollout.get("id").stringValue().equals(id)) {
                return rollout;
            }
        }
        throw new IllegalStateException("rollout " + id + " is not listed");
    }

    /** Everything the hub sent to its clients and leaf nodes ({@code /varz}). */
    private long hubOutBytes() throws Exception {
        HttpResponse<String> varz = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.hub.monitorUrl() + "/varz")).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(varz.body()).get("out_bytes").asLong();
    }

    private static void require(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
