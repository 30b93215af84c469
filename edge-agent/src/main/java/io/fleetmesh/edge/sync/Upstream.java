package io.fleetmesh.edge.sync;

import io.fleetmesh.protocol.MeshHeaders;
import io.fleetmesh.protocol.MeshSubject;
import io.fleetmesh.protocol.Subjects;
import io.fleetmesh.protocol.TelemetryBatch;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch pulled from the outbox becomes on the hub (ADR 0016): the readings of a subject that occurs more than
 * once go as {@link TelemetryBatch}es, everything else (a live reading alone, an event) as a message of its own.
 * Each batch holds every reading of its subject between its first and last sequence, which is what makes its
 * {@code Nats-Msg-Id} a safe de-duplication key. Public for the benchmarks, which publish as the forwarder does.
 */
public final class Upstream {

    /** A message of the outbox: its subject, its outbox sequence, its payload. */
    public record Outgoing(String subject, long seq, byte[] data) {
    }

    private final String deviceId;
    private final long epoch;

    public Upstream(String deviceId, long epoch) {
        this.deviceId = deviceId;
        this.epoch = epoch;
    }

    /** The hub messages for these outbox messages (given in outbox order), grouped by subject in order of first use. */
    public List<NatsMessage> of(List<Outgoing> batch) {
        Map<String, List<Outgoing>> groups = new LinkedHashMap<>();
        for (Outgoing message : batch) {
            String key = isTelemetry(message.subject()) ? message.subject() : "#" + message.seq();
            groups.computeIfAbsent(key, subject -> new ArrayList<>()).add(message);
        }
        List<NatsMessage> upstream = new ArrayList<>(groups.size());
        groups.values().forEach(group -> upstream.addAll(grouped(group)));
        return upstream;
    }

    private List<NatsMessage> grouped(List<Outgoing> group) {
        return TelemetryBatch.cut(group, Outgoing::data).stream().map(this::message).toList();
    }

    /**
     * The hub message for one run of {@link TelemetryBatch#cut}: a batch, or a single message when the run is one
     * reading (a body too large for any batch ends up alone: it goes single, as before batches).
     */
    public NatsMessage message(List<Outgoing> run) {
        return run.size() == 1 ? single(run.get(0)) : batch(run);
    }

    private NatsMessage single(Outgoing message) {
        Headers headers = new Headers()
                .put(MeshHeaders.EPOCH, Long.toString(epoch))
                .put(MeshHeaders.SEQ, Long.toString(message.seq()))
                .put(MeshHeaders.MESSAGE_ID, MeshHeaders.messageId(deviceId, epoch, message.seq()));
        return NatsMessage.builder().subject(message.subject()).headers(headers).data(message.data()).build();
    }

    private NatsMessage batch(List<Outgoing> readings) {
        long first = readings.get(0).seq();
        long last = readings.get(readings.size() - 1).seq();
        Headers headers = new Headers()
                .put(MeshHeaders.BATCH, Integer.toString(readings.size()))
                .put(MeshHeaders.MESSAGE_ID, MeshHeaders.batchId(deviceId, epoch, first, last));
        byte[] payload = TelemetryBatch.pack(readings.stream()
                .map(reading -> new TelemetryBatch.Entry(epoch, reading.seq(), reading.data())).toList());
        return NatsMessage.builder().subject(readings.get(0).subject()).headers(headers).data(payload).build();
    }

    private static boolean isTelemetry(String subject) {
        return Subjects.parse(subject).filter(MeshSubject::isTelemetry).isPresent();
    }
}
