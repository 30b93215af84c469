package io.fleetmesh.api.taps;

import io.fleetmesh.protocol.MalformedMessage;
import io.fleetmesh.protocol.MeshHeaders;
import io.fleetmesh.protocol.SubjectPatterns;
import io.fleetmesh.protocol.TelemetryBatch;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One exported reading or event: its stream sequence and time, its subject and what the subject names (the device,
 * and the channel or event after the kind: {@code fleet.<device>.<kind>.<channel>}), and its payload as published
 * (UTF-8 text, invalid bytes replaced). A telemetry batch (ADR 0016) is a row per reading, all with its sequence.
 */
record ExportRow(long streamSequence, Instant publishedAt, String subject, String device, String channel, String payload) {

    static List<ExportRow> of(Message message) {
        return payloads(message).stream().map(payload -> row(message, payload)).toList();
    }

    /** A batch that is not one is exported as it came: the file keeps what the tap was given. */
    private static List<byte[]> payloads(Message message) {
        if (message.getHeaders() == null || message.getHeaders().getFirst(MeshHeaders.BATCH) == null) {
            return List.of(message.getData());
        }
        try {
            return TelemetryBatch.unpack(message.getData()).stream().map(TelemetryBatch.Entry::body).toList();
        } catch (MalformedMessage e) {
            return List.of(message.getData());
        }
    }

    private static ExportRow row(Message message, byte[] payload) {
        List<String> tokens = SubjectPatterns.tokens(message.getSubject());
        return new ExportRow(message.metaData().streamSequence(), message.metaData().timestamp().toInstant(),
                message.getSubject(), tokens.size() > 1 ? tokens.get(1) : "",
                tokens.size() > 3 ? String.join(".", tokens.subList(3, tokens.size())) : "",
                new String(payload, StandardCharsets.UTF_8));
    }
}
