package io.fleetmesh.api.telemetry;

import io.fleetmesh.protocol.MeshHeaders;
import io.fleetmesh.protocol.TelemetryBatch;
import io.nats.client.Message;
import java.util.List;

/**
 * The readings a hub message carries: itself, or each reading of a {@link TelemetryBatch} (ADR 0016) with its own
 * identity and body, so that each is checked, stored or quarantined on its own.
 */
final class HubReadings {

    private HubReadings() {
    }

    /** Refused with {@code MalformedMessage} when a batch is not one. */
    static List<IncomingMessage> of(Message message, long streamEpoch, long streamSeq) {
        if (header(message, MeshHeaders.BATCH) == null) {
            return List.of(IncomingMessage.single(message.getSubject(), message.getData(),
                    header(message, MeshHeaders.EPOCH), header(message, MeshHeaders.SEQ), streamEpoch, streamSeq));
        }
        return TelemetryBatch.unpack(message.getData()).stream().map(entry -> IncomingMessage.entry(message.getSubject(),
                entry.body(), entry.epoch(), entry.seq(), streamSeq)).toList();
    }

    /** How many readings a message says it carries, for sizing a batch of writes; the payload decides what is stored. */
    static int count(Message message) {
        String batch = header(message, MeshHeaders.BATCH);
        if (batch == null) {
            return 1;
        }
        try {
            return Math.max(1, Math.min(Integer.parseInt(batch.trim()), TelemetryBatch.MAX_READINGS));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Null when the message has no such header, or no headers at all. */
    private static String header(Message message, String name) {
        return message.getHeaders() == null ? null : message.getHeaders().getFirst(name);
    }
}
