package io.fleetmesh.api.taps;

import io.fleetmesh.protocol.SubjectPatterns;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One exported message: its stream sequence and time, its subject and what the subject names (the device, and the
 * channel or event after the kind: {@code fleet.<device>.<kind>.<channel>}), and its payload as published (UTF-8 text,
 * invalid bytes replaced).
 */
record ExportRow(long streamSequence, Instant publishedAt, String subject, String device, String channel, String payload) {

    static ExportRow of(Message message) {
        List<String> tokens = SubjectPatterns.tokens(message.getSubject());
        return new ExportRow(message.metaData().streamSequence(), message.metaData().timestamp().toInstant(),
                message.getSubject(), tokens.size() > 1 ? tokens.get(1) : "",
                tokens.size() > 3 ? String.join(".", tokens.subList(3, tokens.size())) : "",
                new String(message.getData(), StandardCharsets.UTF_8));
    }
}
