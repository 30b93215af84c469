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
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a telemetry message into a reading or a reasoned rejection. Pure: no I/O, the clock is a parameter.
 * Payload: {@code {"ts": <RFC 3339 or epoch ms>, <metric>: <number or string>, ...}} on
 * {@code fleet.<dev>.telemetry.<channel>}.
 */
final class ReadingDecoder {

    private static final int MAX_METRICS = 100;
    private static final int MAX_STRING = 1024;

    private final JsonMapper mapper = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
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
        ObjectNode body = parseObject(message.payload());
        Instant ts = timestamp(body.remove("ts"), now);
        checkMetrics(body);
        Identity identity = identity(message);
        return new Reading(message, deviceId, channel, ts, mapper.writeValueAsString(body), identity.epoch(), identity.seq());
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

    private ObjectNode parseObject(byte[] payload) {
        try {
            JsonNode node = mapper.readTree(utf8(payload));
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new Refused(Cause.INVALID, "payload is not a JSON object");
        } catch (JacksonException e) {
            throw new Refused(Cause.MALFORMED, "payload is not well-formed JSON: " + e.getOriginalMessage());
        }
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

    private Instant timestamp(JsonNode ts, Instant now) {
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
    private static Instant parseTimestamp(JsonNode ts) {
        return parseInstant(ts).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant parseInstant(JsonNode ts) {
        if (ts == null) {
            throw new Refused(Cause.INVALID, "ts is missing");
        }
        try {
            if (ts.isIntegralNumber() && ts.canConvertToLong()) {
                return Instant.ofEpochMilli(ts.longValue());
            }
            if (ts.isString()) {
                return OffsetDateTime.parse(ts.stringValue()).toInstant();
            }
        } catch (DateTimeException e) {
            throw new Refused(Cause.INVALID, "ts is not an RFC 3339 time");
        }
        throw new Refused(Cause.INVALID, "ts must be an RFC 3339 string or epoch milliseconds");
    }

    private static void checkMetrics(ObjectNode body) {
        if (body.isEmpty() || body.size() > MAX_METRICS) {
            throw new Refused(Cause.INVALID, "a reading needs 1-" + MAX_METRICS + " metrics besides ts");
        }
        for (Map.Entry<String, JsonNode> metric : body.properties()) {
            checkMetric(metric.getKey(), metric.getValue());
        }
    }

    private static void checkMetric(String name, JsonNode value) {
        if (!TelemetryNames.isMetric(name)) {
            throw new Refused(Cause.INVALID, "metric names must be 1-64 characters of A-Z, a-z, 0-9, _ and -");
        }
        // An integer beyond a double's range (10^309) is as unusable as 1e999: readers cast metrics to float8.
        // (Number's doubleValue, not JsonNode's: that one throws for such an integer.)
        boolean finiteNumber = value.isNumber() && Double.isFinite(value.numberValue().doubleValue());
        boolean safeString = value.isString() && value.stringValue().length() <= MAX_STRING
                && value.stringValue().indexOf('\0') < 0 && isUnicode(value.stringValue());
        if (!finiteNumber && !safeString) {
            throw new Refused(Cause.INVALID, "metric '" + name + "' must be a finite number or a string of at most "
                    + MAX_STRING + " characters without NUL or unpaired surrogates");
        }
    }

    /** An escaped lone surrogate ("\\ud800") is no character: the database driver would store it as "?". */
    private static boolean isUnicode(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    private static Identity identity(IncomingMessage message) {
        if (message.epochHeader() == null && message.seqHeader() == null) {
            return new Identity(message.streamEpoch(), message.streamSeq());
        }
        try {
            long epoch = Long.parseLong(message.epochHeader());
            long seq = Long.parseLong(message.seqHeader());
            if (epoch > 0 && seq > 0) {
                return new Identity(epoch, seq);
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw new Refused(Cause.INVALID, MeshHeaders.EPOCH + " and " + MeshHeaders.SEQ + " must both be positive integers");
    }

    private record Identity(long epoch, long seq) {
    }
}
