package io.fleetmesh.bench;

import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reefer-truck readings spread over the last hours, round-robin across devices; the same in every run. */
final class TelemetryWorkload {

    static final int METRICS = 5;
    private static final String TENANT = "00000000-0000-0000-0000-000000000001";

    private final int size;
    private final int devices;
    /** Device names and subjects made once: formatting them per reading cost the publishers more than publishing. */
    private final String[] names;
    private final String[] subjects;
    private final long startMillis;
    private final List<String> apiOptions;

    TelemetryWorkload(int size, int devices, List<String> apiOptions) {
        this.size = size;
        this.devices = devices;
        this.apiOptions = apiOptions;
        this.names = IntStream.range(0, devices).mapToObj(TelemetryWorkload::device).toArray(String[]::new);
        this.subjects = Arrays.stream(names).map(name -> Subjects.telemetry(name, "reefer")).toArray(String[]::new);
        this.startMillis = Instant.now().minusSeconds(6 * 3600).toEpochMilli();
    }

    List<String> apiOptions() {
        return apiOptions;
    }

    int size() {
        return size;
    }

    void registerDevices(JdbcTemplate jdbc) {
        for (int d = 0; d < devices; d++) {
            jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES (?::uuid, ?, ?, 'reefer-truck')",
                    TENANT, names[d], "Bench truck " + d);
        }
    }

    /** The device of reading {@code i}. */
    String deviceOf(int i) {
        return names[i % devices];
    }

    String subject(int i) {
        return subjects[i % devices];
    }

    byte[] payload(int i) {
        return ("{\"ts\":" + ts(i) + "," + metricsBody(i) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** A reading stamped {@code nowMillis} and numbered, so that the stored rows show what was lost or doubled. */
    byte[] livePayload(int i, long nowMillis) {
        return ("{\"ts\":" + nowMillis + ",\"n\":" + i + "," + metricsBody(i) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The same reading's MQTT topic, as a truck would publish it to a classic broker. */
    String topic(int i) {
        return subject(i).replace('.', '/');
    }

    /** Every message into the hub's TELEMETRY stream, at most {@code window} unacknowledged at a time. */
    void publish(Connection connection, int window) throws Exception {
        JetStream js = connection.jetStream();
        ArrayDeque<CompletableFuture<PublishAck>> pending = new ArrayDeque<>();
        for (int i = 0; i < size; i++) {
            pending.add(js.publishAsync(subject(i), payload(i)));
            if (pending.size() >= window) {
                pending.poll().get();
            }
        }
        for (CompletableFuture<PublishAck> ack : pending) {
            ack.get();
        }
    }

    /** The stored row, in COPY text format, for the baseline. */
    String copyRow(int i) {
        return TENANT + '\t' + deviceOf(i) + '\t' + Instant.ofEpochMilli(ts(i)) + "\treefer\t{" + metricsBody(i)
                + "}\t1\t" + (i + 1) + '\n';
    }

    private long ts(int i) {
        return startMillis + i * 10L;
    }

    private static String metricsBody(int i) {
        return "\"temp\":" + (-18 + (i % 40) / 10.0) + ",\"setpoint\":-18,\"humidity\":" + (70 + i % 25)
                + ",\"door\":\"" + (i % 97 == 0 ? "open" : "closed") + "\",\"compressor\":" + (i % 3 == 0 ? 0 : 1);
    }

    private static String device(int d) {
        return "bench-%03d".formatted(d);
    }
}
