package io.fleetmesh.bench;

import io.fleetmesh.devkit.NatsServer;
import io.fleetmesh.devkit.Ports;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Agent footprint: the runnable jar started as on a gateway (the systemd unit's JVM flags) with its leaf
 * nats-server, syncing to a hub, fed 100 readings/s; the resident memory of both processes, sampled each second.
 * Usage: {@code bin/bench footprint [--seconds 60] [--rate 100]}.
 */
public final class FootprintBenchmark {

    private FootprintBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int seconds = arguments.integer("--seconds", 60);
        int rate = arguments.integer("--rate", 100);
        System.out.println(Machine.describe());
        Path dir = Files.createTempDirectory("fleetmesh-footprint");
        try (NatsServer hub = NatsServer.hub(dir.resolve("hub")).start()) {
            int natsPort = Ports.free();
            try (AgentProcess agent = AgentProcess.start(dir, Map.of("FLEETMESH_AGENT_DEVICE_ID", "footprint-truck",
                    "FLEETMESH_AGENT_HUB_URLS", hub.url(), "FLEETMESH_AGENT_HUB_LEAF_URLS", hub.leafUrl(),
                    "FLEETMESH_AGENT_DATA_DIR", dir.resolve("agent").toString(),
                    "FLEETMESH_AGENT_NATS_PORT", Integer.toString(natsPort),
                    "FLEETMESH_AGENT_MQTT_PORT", Integer.toString(Ports.free())))) {
                measure(dir.resolve("agent"), "nats://127.0.0.1:" + natsPort, agent, seconds, rate);
            }
        }
    }

    private static void measure(Path dataDir, String leafUrl, AgentProcess agent, int seconds, int rate) throws Exception {
        List<Long> combined = new ArrayList<>();
        List<Long> agentOnly = new ArrayList<>();
        try (Connection sensor = Nats.connectReconnectOnConnect(io.nats.client.Options.builder().server(leafUrl)
                .maxReconnects(-1).build())) {
            long next = System.nanoTime();
            for (int tick = 0; tick < seconds * 10; tick++) {
                for (int i = 0; i < rate / 10; i++) {
                    sensor.publish(Subjects.telemetry("footprint-truck", "reefer"), ("{\"ts\":\"" + Instant.now()
                            + "\",\"temp\":-18.1,\"setpoint\":-18,\"door\":\"closed\"}").getBytes(StandardCharsets.UTF_8));
                }
                if (tick % 10 == 9 && Files.exists(dataDir.resolve("leaf.pid"))) {
                    long agentRss = rssKiB(agent.pid());
                    agentOnly.add(agentRss);
                    combined.add(agentRss + rssKiB(Long.parseLong(Files.readString(dataDir.resolve("leaf.pid")).trim())));
                }
                next += 100_000_000L;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        }
        List<Long> steady = secondHalf(combined);
        System.out.printf("agent footprint at %d readings/s for %d s: agent JVM + leaf nats-server RSS median %.1f MB,"
                        + " max %.1f MB; agent JVM alone median %.1f MB (second half of the run; JVM flags %s)%n", rate,
                seconds, steady.get(steady.size() / 2) / 1024.0, steady.get(steady.size() - 1) / 1024.0,
                secondHalf(agentOnly).get(agentOnly.size() / 4) / 1024.0, AgentProcess.JVM_FLAGS);
    }

    private static List<Long> secondHalf(List<Long> samples) {
        return samples.subList(samples.size() / 2, samples.size()).stream().sorted().toList();
    }

    private static long rssKiB(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(0);
    }
}
