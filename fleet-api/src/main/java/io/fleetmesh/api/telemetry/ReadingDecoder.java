package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.devices.DeviceRules;
import io.fleetmesh.api.telemetry.Rejection.Cause;
import io.fleetmesh.protocol.MeshHeaders;
import io.fleetmesh.protocol.MeshSubject;
import io.fleetmesh.protocol.Subjects;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Turns a telemetry message into a reading or a reasoned rejection. Pure: no I/O, the clock is a parameter.
 * Payload: {@code {"ts": <RFC 3339 or epoch ms>, <metric>: <number or string>, ...}} on
 * {@code fleet.<dev>.telemetry.<channel>}.
 */
final class ReadingDecoder {

    private final int maxPayloadBytes;
    private final Duration retention;
    private final Duration maxClockSkew;

    ReadingDecoder(int maxPayloadBytes, Duration retention, Duration maxClockSkew) {
        this.maxPayloadBytes = maxPayloadBytes;
        this.retention = retention;
        this.maxClockSkew = maxClockSkew;
    }

    /** With ingest's limits: ingest and the live readings check a reading the same way. */
    static ReadingDecoder of(IngestProperties ingest, TelemetryProperties telemetry) {
        return new ReadingDecoder(ingest.maxPayloadBytes(), telemetry.retention(), telemetry.maxClockSkew());
    }

    Decoded decode(IncomingMessage message, Instant now) {
        try {
            return read(message, now);
        } catch (Refused refused) {
            return new Rejection(message.subject(), message.payload(), refused.cause, refused.getMessage(),
                    message.streamSeq());
        } catch (RuntimeException unforeseen) {
            // Decoding is pure, so this input fails it every time: thrown, it would fail the batch on every
            // redelivery and stall ingest (a JsonNode conversion that throws did). Quarantined, it costs only itself.
            return new Rejection(message.subject(), message.payload(), Cause.INVALID,
                    "payload could not be decoded: " + unforeseen, message.streamSeq());
        }
    }

    private Reading read(IncomingMessage message, Instant now) {
        if (message.payload().length > maxPayloadBytes) {
            throw new Refused(Cause.OVERSIZE, "payload of " + message.payload().length + " bytes exceeds "
                    + maxPayloadBytes);
        }
        MeshSubject subject = Subjects.parse(message.subject()).filter(MeshSubject::isTelemetry)
                .orElseThrow(() -> new Refused(Cause.INVALID, "subject is not fleet.<device>.telemetry.<channel>"));
        String deviceId = deviceId(subject);
        String channel = channel(subject);
        ReadingBody body = ReadingBody.read(utf8(message.payload()));
        Instant ts = timestamp(body.ts(), now);
        String metricsJson = body.metricsJson();
        if (!message.hasIdentity()) {
            throw new Refused(Cause.INVALID, MeshHeaders.EPOCH + " and " + MeshHeaders.SEQ + " must both be positive integers");
        }
        return new Reading(message, deviceId, channel, ts, metricsJson, message.epoch(), message.seq());
    }

    private static String deviceId(MeshSubject subject) {
        if (!DeviceRules.isValidId(subject.device())) {
            throw new Refused(Cause.INVALID, "device id in the subject " + DeviceRules.ID_RULE);
        }
        return subject.device();
    }

    private static String channel(MeshSubject subject) {
        if (!TelemetryNames.isChannel(subject.name())) {
            throw new Refused(Cause.INVALID, "channel must be 1-4 tokens of a-z, 0-9, _ and -");
        }
        return subject.name();
    }

    /**
     * JSON text is UTF-8 (RFC 8259). Jackson's own decoding lets overlong and beyond-U+10FFFF sequences through as
     * other characters than were sent, which would then be stored as if the device had sent them.
     */
    private static String utf8(byte[] payload) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(Cause.MALFORMED, "payload is not well-formed UTF-8");
        }
    }

    private Instant timestamp(ReadingBody.Timestamp ts, Instant now) {
        Instant instant = parseTimestamp(ts);
        if (instant.isBefore(now.minus(retention))) {
            throw new Refused(Cause.OUT_OF_WINDOW, "ts " + instant + " is older than the retention of " + retention);
        }
        if (instant.isAfter(now.plus(maxClockSkew))) {
            throw new Refused(Cause.OUT_OF_WINDOW, "ts " + instant + " is more than " + maxClockSkew + " in the future");
        }
        return instant;
    }

    /** Microseconds: what PostgreSQL keeps, so a reading reads back with the time it was stored under. */
    private static Instant parseTimestamp(ReadingBody.Timestamp ts) {
        return parseInstant(ts).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant parseInstant(ReadingBody.Timestamp ts) {
        if (ts == null) {
            throw new Refused(Cause.INVALID, "ts is missing");
        }
        try {
            if (ts instanceof ReadingBody.Millis millis) {
                return Instant.ofEpochMilli(millis.value());
            }
            if (ts instanceof ReadingBody.Text text) {
                return OffsetDateTime.parse(text.value()).toInstant();
            }
        } catch (DateTimeException e) {
            throw new Refused(Cause.INVALID, "ts is not an RFC 3339 time");
        }
        throw new Refused(Cause.INVALID, "ts must be an RFC 3339 string or epoch milliseconds");
    }
}
