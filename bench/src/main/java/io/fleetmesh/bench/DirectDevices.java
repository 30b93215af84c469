package io.fleetmesh.bench;

import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Simulated trucks beyond what one machine can run as agents with leaf servers of their own (each leaf is ~23 MB):
 * registered devices that publish a reading a second straight to the hub, as an agent-less gateway does.
 */
final class DirectDevices implements AutoCloseable {

    private final Connection hub;
    private final List<String> subjects = new ArrayList<>();
    private final Thread publisher;
    private volatile boolean running = true;

    private DirectDevices(Connection hub, List<String> ids) {
        this.hub = hub;
        ids.forEach(id -> subjects.add(Subjects.telemetry(id, "reefer")));
        this.publisher = new Thread(this::publishEverySecond, "direct-devices");
    }

    static DirectDevices start(BenchPlatform platform, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("direct-%04d".formatted(i));
        }
        register(platform.jdbc, ids);
        DirectDevices devices = new DirectDevices(Nats.connect(platform.hub.url()), ids);
        devices.publisher.start();
        return devices;
    }

    private static void register(JdbcTemplate jdbc, List<String> ids) {
        jdbc.batchUpdate("INSERT INTO devices (tenant_id, id, name, kind) VALUES"
                + " ('00000000-0000-0000-0000-000000000001', ?, ?, 'reefer-truck')",
                ids.stream().map(id -> new Object[] {id, "Direct " + id}).toList());
    }

    private void publishEverySecond() {
        long next = System.nanoTime();
        while (running) {
            for (String subject : subjects) {
                String payload = "{\"ts\":%d,\"temp\":-18.1,\"setpoint\":-18}".formatted(System.currentTimeMillis());
                hub.publish(subject, payload.getBytes(StandardCharsets.UTF_8));
            }
            next += 1_000_000_000L;
            try {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        publisher.join();
        hub.close();
    }
}
