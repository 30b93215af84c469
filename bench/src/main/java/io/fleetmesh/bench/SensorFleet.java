package io.fleetmesh.bench;

import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One sensor connection per truck's leaf; each publishes a reefer reading a second to its truck's outbox. */
final class SensorFleet implements AutoCloseable {

    private final List<Connection> leaves = new ArrayList<>();
    private final List<String> subjects = new ArrayList<>();

    private SensorFleet() {
    }

    static SensorFleet of(List<EdgeAgent> agents) throws Exception {
        SensorFleet fleet = new SensorFleet();
        for (EdgeAgent agent : agents) {
            fleet.leaves.add(Nats.connect(agent.localUrl()));
            fleet.subjects.add(Subjects.telemetry(agent.deviceId(), "reefer"));
        }
        return fleet;
    }

    int size() {
        return leaves.size();
    }

    /** The first {@code count} trucks' sensors, the same connections. */
    SensorFleet first(int count) {
        SensorFleet part = new SensorFleet();
        part.leaves.addAll(leaves.subList(0, count));
        part.subjects.addAll(subjects.subList(0, count));
        return part;
    }

    /** Returns how many readings were published (every one confirmed by its truck's outbox). */
    long publishFor(Duration duration) throws Exception {
        long count = 0;
        long end = System.nanoTime() + duration.toNanos();
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            for (int i = 0; i < leaves.size(); i++) {
                String payload = "{\"ts\":%d,\"temp\":-18.1,\"setpoint\":-18}".formatted(System.currentTimeMillis());
                leaves.get(i).jetStream().publish(subjects.get(i), payload.getBytes(StandardCharsets.UTF_8));
                count++;
            }
            next += 1_000_000_000L;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        return count;
    }

    @Override
    public void close() throws InterruptedException {
        for (Connection leaf : leaves) {
            leaf.close();
        }
    }
}
