package io.fleetmesh.api.telemetry;

import static io.fleetmesh.api.telemetry.FloodMessage.bad;

import io.fleetmesh.api.telemetry.Rejection.Cause;
import io.fleetmesh.protocol.MeshHeaders;
import io.fleetmesh.protocol.TelemetryBatch;
import io.nats.client.impl.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The bad messages of the flood, each kind with variety. Every one is a message the application must refuse, and
 * each carries the cause and a piece of the reason it must be quarantined with, so the test checks every row.
 * Subjects all contain the run token, so this run's quarantine rows are told apart from other tests'.
 */
final class BadMessages {

    /** The kinds, weighted by how many of the flood's bad messages they get (the big ones fewer: disk and time). */
    enum Kind {
        MALFORMED_JSON(2), WRONG_TYPES(2), NON_FINITE(2), OVERSIZE(1), UNKNOWN_DEVICE(2), HOSTILE_STRINGS(2),
        BAD_TIMESTAMPS(2), BAD_IDENTITY(2), WRONG_SUBJECTS(2), BAD_BATCHES(2), REFUSED_BY_HUB(0);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private static final List<String> HOSTILE = List.of("<script>alert(1)</script>", "'; DROP TABLE telemetry; --",
            "\u202Etemp", "te\\u0000mp", "te\\u0007mp", "temp ", "ключ", "", "t\\\"q");
    private static final List<String> LAX_JSON = List.of("{'ts': 1, 'temp': 1}", "{\"temp\": 1,}", "{temp: 1}",
            "{\"temp\": 1 /* c */}", "{\"temp\": 01}", "{\"temp\": 0x1F}", "{\"temp\": \"a\tb\"}", "{\"temp\": \"a\nb\"}",
            "{\"temp\": .5}", "{\"temp\": 1.}", "{\"temp\": +1}", "{\"temp\": tru}", "{\"temp\": x\u0000y}");
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}};

    private final String run;
    private final List<String> devices;
    private final GoodReadings good;
    private final int maxPayloadBytes;
    private final int hubMaxPayload;
    private final Instant now;
    private final Duration retention;
    private final Duration maxClockSkew;

    BadMessages(String run, List<String> devices, GoodReadings good, Limits limits, Instant now) {
        this.run = run;
        this.devices = devices;
        this.good = good;
        this.maxPayloadBytes = limits.maxPayloadBytes();
        this.hubMaxPayload = limits.hubMaxPayload();
        this.now = now;
        this.retention = limits.retention();
        this.maxClockSkew = limits.maxClockSkew();
    }

    /** The decoder's limits and the hub's. */
    record Limits(int maxPayloadBytes, int hubMaxPayload, Duration retention, Duration maxClockSkew) {
    }

    FloodMessage next(Kind kind, Random random) {
        FloodMessage message = switch (kind) {
            case MALFORMED_JSON -> malformed(random);
            case WRONG_TYPES -> wrongType(random);
            case NON_FINITE -> nonFinite(random);
            case OVERSIZE -> oversize(random);
            case UNKNOWN_DEVICE -> unknownDevice(random);
            case HOSTILE_STRINGS -> random.nextInt(3) == 0 ? hostileSubject(random) : hostilePayload(random);
            case BAD_TIMESTAMPS -> badTimestamp(random);
            case BAD_IDENTITY -> badIdentity(random);
            case WRONG_SUBJECTS -> wrongSubject(random);
            case BAD_BATCHES -> badBatch(random);
            case REFUSED_BY_HUB -> refused(random);
        };
        return message.ofKind(kind.name()).oversizeBeyond(maxPayloadBytes);
    }

    private FloodMessage malformed(Random random) {
        String body = good.validBody(random);
        return switch (random.nextInt(7)) {
            case 0 -> malformed(body.substring(0, 1 + random.nextInt(body.length() - 1)), "not well-formed");
            case 1 -> malformed(body + (char) (0x21 + random.nextInt(0x5E)), "not well-formed");
            case 2 -> onDevice(binary(random), Cause.MALFORMED, "");
            case 3 -> onDevice(invalidUtf8(body, random), Cause.MALFORMED, "");
            case 4 -> onDevice(" \t\r\n".substring(random.nextInt(4)).getBytes(StandardCharsets.UTF_8),
                    Cause.INVALID, "not a JSON object"); // no JSON value at all; the decoder says so
            case 5 -> malformed(pick(LAX_JSON, random).replace("{", "{\"ts\":\"" + now + "\","), "not well-formed");
            default -> malformed("[".repeat(1_001 + random.nextInt(3_000)), "not well-formed");
        };
    }

    private FloodMessage wrongType(Random random) {
        String ts = "\"ts\":\"" + now + "\"";
        String metric = pick(List.of("[1,2]", "{\"nested\":true}", "true", "false", "null", "[]", "{}"), random);
        String ofTs = pick(List.of("true", "false", "[1]", "{\"s\":1}", "1.7e12", "null", "1700000000000.5"), random);
        return switch (random.nextInt(4)) {
            case 0 -> invalid(pick(List.of("[1,2,3]", "\"text\"", "42", "true", "null", "[{\"ts\":1}]"), random), "not a JSON object");
            case 1 -> invalid("{" + ts + ",\"temp\":" + metric + "}", "metric 'temp' must be");
            case 2 -> invalid("{\"ts\":" + ofTs + ",\"temp\":1}", "ts must be");
            default -> invalid("{" + ts + "}", "needs 1-100 metrics");
        };
    }

    private FloodMessage nonFinite(Random random) {
        String literal = pick(List.of("NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf", "-NaN"), random);
        String overflow = pick(List.of("1e999", "-1e999", "1e309", "2e308", "-1.8e308", "1E400"), random);
        String ts = "\"ts\":\"" + now + "\",";
        return switch (random.nextInt(4)) {
            case 0 -> malformed("{" + ts + "\"temp\":" + literal + "}", "not well-formed");
            case 1 -> invalid("{" + ts + "\"temp\":" + overflow + "}", "metric 'temp' must be");
            case 2 -> invalid("{" + ts + "\"temp\":1" + "0".repeat(309 + random.nextInt(600)) + "}", "metric 'temp' must be");
            default -> malformed("{" + ts + "\"temp\":" + "9".repeat(1_001 + random.nextInt(2_000)) + "}", "not well-formed");
        };
    }

    /** Just over the decoder's limit mostly; now and then close to what the hub accepts at all. */
    private FloodMessage oversize(Random random) {
        int size = random.nextInt(10) == 0 ? maxPayloadBytes + 1 : maxPayloadBytes + 1 + random.nextInt(8_192);
        if (random.nextInt(300) == 0) {
            size = hubMaxPayload - 1_024 - random.nextInt(hubMaxPayload / 2);
        }
        return onDevice(GoodReadings.padded(good.validBody(random), size).getBytes(StandardCharsets.UTF_8),
                Cause.OVERSIZE, "exceeds " + maxPayloadBytes);
    }

    private FloodMessage unknownDevice(Random random) {
        String device = random.nextBoolean() ? "ghost-" + run + "-" + random.nextInt(1_000) : (run + "-ghost-").repeat(8).substring(0, 64);
        return bad("fleet." + device + ".telemetry.reefer", null, utf8(good.validBody(random)),
                Cause.UNKNOWN_DEVICE, "device " + device + " is not registered");
    }

    private FloodMessage hostilePayload(Random random) {
        String ts = "\"ts\":\"" + now + "\",";
        String key = random.nextInt(5) == 0 ? "k".repeat(65 + random.nextInt(10_000)) : pick(HOSTILE, random);
        return switch (random.nextInt(5)) {
            case 0, 1 -> invalid("{" + ts + "\"" + key + "\":1}", "metric names");
            case 2 -> invalid("{" + ts + "\"door\":\"" + pick(List.of("a\\u0000b", "\\u0000", "x\\u0000"), random) + "\"}", "metric 'door' must be");
            case 3 -> invalid("{" + ts + "\"door\":\"" + pick(List.of("\\ud800", "a\\udc00b", "\\ud83d", "\\udfff\\ud800"), random) + "\"}",
                    "metric 'door' must be");
            default -> invalid("{" + ts + metrics(101 + random.nextInt(9_900)) + "}", "needs 1-100 metrics");
        };
    }

    /** Hostile text where the device id or channel goes: NUL and control characters, markup, SQL, bidi overrides. */
    private FloodMessage hostileSubject(Random random) {
        String hostile = pick(List.of("<script>", "';DROP_TABLE_telemetry;--", "\u202Eevil", "nul\u0000", "bell\u0007",
                "esc\u001B[2J", "\u0000"), random);
        boolean asDevice = random.nextBoolean();
        String subject = asDevice ? "fleet." + run + hostile + ".telemetry.reefer" : "fleet." + device(random) + ".telemetry." + hostile;
        return bad(subject, null, utf8(good.validBody(random)), Cause.INVALID,
                asDevice ? "device id" : "channel must be");
    }

    private FloodMessage badTimestamp(Random random) {
        String invalid = pick(List.of("yesterday", "", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00", "2026-01-01",
                "1700000000000", "2026-01-01T25:00:00Z", "2026-01-01T00:00:00+25:00", "<script>", "12:00"), random);
        Instant old = now.minus(retention).minus(Duration.ofMinutes(10 + random.nextInt(10_000_000)));
        Instant future = now.plus(maxClockSkew).plus(Duration.ofMinutes(10 + random.nextInt(10_000_000)));
        String outOfWindow = pick(List.of("\"" + old + "\"", Long.toString(old.toEpochMilli()), "\"" + future + "\"",
                Long.toString(future.toEpochMilli()), "0", "-1", Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE),
                "\"0001-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\""), random);
        return switch (random.nextInt(4)) {
            case 0 -> invalid("{\"temp\":1}", "ts is missing");
            case 1 -> invalid("{\"ts\":\"" + invalid + "\",\"temp\":1}", "RFC 3339");
            case 2 -> invalid("{\"ts\":" + pick(List.of("99999999999999999999", "-99999999999999999999"), random) + ",\"temp\":1}", "ts must be");
            default -> onDevice(utf8("{\"ts\":" + outOfWindow + ",\"temp\":1}"), Cause.OUT_OF_WINDOW, "ts ");
        };
    }

    /** Identity headers a publisher got wrong: the reading is valid, its identity is not. */
    private FloodMessage badIdentity(Random random) {
        List<String> values = List.of("abc", "0", "-5", "", "1.5", "99999999999999999999", "0x10", "12a");
        Headers headers = new Headers();
        switch (random.nextInt(3)) {
            case 0 -> headers.put(MeshHeaders.EPOCH, pick(values, random));
            case 1 -> headers.put(MeshHeaders.SEQ, pick(values, random));
            default -> headers.put(MeshHeaders.EPOCH, "1700000000000").put(MeshHeaders.SEQ, pick(values, random));
        }
        return bad("fleet." + device(random) + ".telemetry.reefer", headers,
                utf8(good.validBody(random)), Cause.INVALID, MeshHeaders.EPOCH);
    }

    /** Marked as a telemetry batch (ADR 0016) but not one: cut short, of another version, lengths that lie, empty. */
    private FloodMessage badBatch(Random random) {
        byte[] first = utf8(good.validBody(random));
        byte[] packed = TelemetryBatch.pack(List.of(new TelemetryBatch.Entry(1_700_000_000_000L, 1, first),
                new TelemetryBatch.Entry(1_700_000_000_000L, 2, utf8(good.validBody(random)))));
        int cut = 1 + random.nextInt(packed.length - 1);
        byte[] payload = switch (random.nextInt(5)) {
            // a cut right after the first reading would leave a whole batch of one
            case 0 -> Arrays.copyOf(packed, cut == TelemetryBatch.size(List.of(first)) ? cut - 1 : cut);
            case 1 -> concat(new byte[] {(byte) (2 + random.nextInt(250))}, Arrays.copyOfRange(packed, 1, packed.length));
            case 2 -> lyingLength(packed, random);
            case 3 -> new byte[] {1};
            default -> utf8(good.validBody(random));
        };
        Headers headers = new Headers().put(MeshHeaders.BATCH, pick(List.of("2", "1", "100", "-3", "many"), random));
        return bad("fleet." + device(random) + ".telemetry.reefer", headers, payload, Cause.MALFORMED, "telemetry batch");
    }

    private static byte[] lyingLength(byte[] packed, Random random) {
        byte[] lying = packed.clone();
        ByteBuffer.wrap(lying).putInt(17, random.nextBoolean() ? -1 - random.nextInt(1_000) : packed.length + random.nextInt(1_000));
        return lying;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Subjects that the stream's filter fleet.*.telemetry.> captures but ingest must not take. */
    private FloodMessage wrongSubject(Random random) {
        String device = device(random);
        String badDevice = pick(List.of("Flood-" + run, "flood_" + run, run + "-" + "a".repeat(56), "*", "flood-" + run + "-é",
                run + "~1", run + "#"), random);
        String badChannel = pick(List.of("Reefer", "c".repeat(33), "a.b.c.d.e", "a.b.c.d.e.f.g.h", ">", "*", "gps.>",
                "reefer$", "a.*", "é"), random);
        boolean asDevice = random.nextBoolean();
        String subject = asDevice ? "fleet." + badDevice + ".telemetry.r" + run : "fleet." + device + ".telemetry." + badChannel;
        return bad(subject, null, utf8(good.validBody(random)), Cause.INVALID,
                asDevice ? "device id" : "channel must be");
    }

    /** Beyond the hub's max_payload, or on a subject no stream captures: these never get into TELEMETRY. */
    private FloodMessage refused(Random random) {
        String device = device(random);
        return switch (random.nextInt(3)) {
            case 0 -> FloodMessage.refused("fleet." + device + ".telemetry.reefer", new byte[hubMaxPayload + 1 + random.nextInt(100_000)]);
            case 1 -> FloodMessage.refused("fleet." + device + ".telemetry", utf8(good.validBody(random)));
            default -> FloodMessage.refused(pick(List.of("fleet." + device + ".Telemetry.reefer", "fleet." + device + ".telemetry..reefer",
                    "fleet." + device + ".telemetry.reefer.", "fleet." + device + "telemetry.reefer"), random), utf8(good.validBody(random)));
        };
    }

    private FloodMessage malformed(String payload, String detail) {
        return onDevice(utf8(payload), Cause.MALFORMED, detail);
    }

    private FloodMessage invalid(String payload, String detail) {
        return onDevice(utf8(payload), Cause.INVALID, detail);
    }

    /** On a registered device's subject, so only the payload (or its headers) is wrong. */
    private FloodMessage onDevice(byte[] payload, Cause cause, String detail) {
        return bad("fleet." + devices.get(Math.floorMod(payload.length, devices.size())) + ".telemetry.reefer", null, payload,
                cause, detail);
    }

    private String device(Random random) {
        return devices.get(random.nextInt(devices.size()));
    }

    /** Bytes that start with no JSON value and decode to no text: binary junk. */
    private static byte[] binary(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(512)];
        random.nextBytes(bytes);
        bytes[0] = (byte) (random.nextBoolean() ? random.nextInt(9) : 0x80 + random.nextInt(0x80));
        return bytes;
    }

    /** A valid reading with an ill-formed UTF-8 sequence in a string: overlong, surrogate, beyond U+10FFFF, cut off. */
    private static byte[] invalidUtf8(String body, Random random) {
        int quote = body.lastIndexOf('"');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8(body.substring(0, quote)));
        bytes.writeBytes(INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        bytes.writeBytes(utf8(body.substring(quote)));
        return bytes.toByteArray();
    }

    private static String metrics(int count) {
        StringBuilder metrics = new StringBuilder("\"m0\":0");
        for (int m = 1; m < count; m++) {
            metrics.append(",\"m").append(m).append("\":").append(m);
        }
        return metrics.toString();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
