package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.telemetry.FloodMessage.GoodReading;
import io.fleetmesh.protocol.MeshHeaders;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readings the application must store exactly as sent, with the variety a fleet produces: every timestamp form,
 * channels of one to four tokens, numbers of every shape, and strings that look hostile but are legal data (markup,
 * SQL, bidi overrides, escaped control characters). A few sit exactly on the decoder's limits.
 */
final class GoodReadings {

    /** Strings a reading may carry: rendering and querying them safely is the reader's job, not ingest's. */
    static final List<String> LEGAL_STRINGS = List.of("closed", "open", "Kühlschrank ❄ 冷蔵庫 🚚",
            "<script>alert(1)</script>", "'; DROP TABLE telemetry; --", "\u202Eevil.exe", "bell\u0007esc\u001B",
            "quote\" backslash\\ slash/", "-18.5", "", "1e999", "NaN", "x".repeat(1024));
    private static final List<String> NAMES = List.of("temp", "setpoint", "humidity", "door", "lat", "lon", "rpm",
            "oil_pressure", "fuel-level", "Odometer_KM", "A", "m".repeat(64));
    private static final List<String> CHANNELS = List.of("reefer", "gps", "engine", "can.j1939", "door-1",
            "a_b.c-d.e.f", "c".repeat(32) + ".x");
    private static final List<String> NUMBERS = List.of("0", "-1", "42", "9007199254740993", "-18.5", "52.52",
            "13.405", "2.5E-3", "-1.25e2", "1e300", "-2147483649", "0.000001");

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> devices;
    private final int maxPayloadBytes;
    private final Instant now;
    private final long epoch;

    GoodReadings(List<String> devices, int maxPayloadBytes, Instant now) {
        this.devices = devices;
        this.maxPayloadBytes = maxPayloadBytes;
        this.now = now;
        this.epoch = now.toEpochMilli(); // unique per run: the identity headers of one run never collide with another's
    }

    FloodMessage next(int n, Random random) {
        String device = devices.get(random.nextInt(devices.size()));
        String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
        Instant ts = now.minus(Duration.ofSeconds(random.nextInt(7 * 86_400))).plusNanos(random.nextInt(1_000_000_000))
                .plus(Duration.ofSeconds(random.nextInt(3_600)));
        Stamp stamp = stamp(ts, random);
        boolean atTheSizeLimit = random.nextInt(200) == 0;
        String body = "{\"ts\":" + stamp.json() + ",\"n\":" + n + metrics(random, !atTheSizeLimit) + "}";
        byte[] payload = (atTheSizeLimit ? padded(body, maxPayloadBytes) : body).getBytes(StandardCharsets.UTF_8);
        boolean ownIdentity = random.nextBoolean();
        Headers headers = ownIdentity ? new Headers().put(MeshHeaders.EPOCH, Long.toString(epoch))
                .put(MeshHeaders.SEQ, Integer.toString(n + 1)) : null;
        GoodReading reading = new GoodReading(n, device, channel, stamp.stored(),
                ownIdentity ? epoch : null, ownIdentity ? (long) n + 1 : null);
        return new FloodMessage(FloodMessage.GOOD, "fleet." + device + ".telemetry." + channel, headers, payload,
                null, null, reading);
    }

    /** A valid reading's JSON for bad messages to break, without the "n" of the good ones. */
    String validBody(Random random) {
        return "{\"ts\":\"" + now.minusSeconds(random.nextInt(86_400)) + "\"" + metrics(random, false) + "}";
    }

    /** Grows a reading to exactly {@code target} bytes with string metrics the decoder accepts (at most 1,024 chars). */
    static String padded(String body, int target) {
        StringBuilder padded = new StringBuilder(body.substring(0, body.length() - 1));
        int size = padded.toString().getBytes(StandardCharsets.UTF_8).length; // the pads are ASCII: counted as added
        for (int p = 0; ; p++) {
            String prefix = ",\"pad" + p + "\":\"";
            int room = target - size - prefix.length() - 2;
            if (room <= 1_016) { // a last pad of up to 1,016 chars, or the next pad's name would not fit
                return padded.append(prefix).append("x".repeat(room)).append("\"}").toString();
            }
            padded.append(prefix).append("x".repeat(1000)).append('"');
            size += prefix.length() + 1001;
        }
    }

    /**
     * RFC 3339 in UTC or with an offset, with milli or nanosecond digits, or epoch milliseconds; stored with the
     * microseconds PostgreSQL keeps.
     */
    private static Stamp stamp(Instant ts, Random random) {
        Instant millis = ts.truncatedTo(ChronoUnit.MILLIS);
        return switch (random.nextInt(4)) {
            case 0 -> new Stamp("\"" + millis + "\"", millis);
            case 1 -> new Stamp("\"" + ts + "\"", ts.truncatedTo(ChronoUnit.MICROS));
            case 2 -> new Stamp("\"" + ts.atOffset(ZoneOffset.ofHoursMinutes(5, 30)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    + "\"", ts.truncatedTo(ChronoUnit.MICROS));
            default -> new Stamp(Long.toString(millis.toEpochMilli()), millis);
        };
    }

    /** One to six named metrics; now and then a hundred in all, the most a reading may carry. */
    private String metrics(Random random, boolean maybeAHundred) {
        Set<String> names = new LinkedHashSet<>();
        int count = 1 + random.nextInt(6);
        while (names.size() < count) {
            names.add(NAMES.get(random.nextInt(NAMES.size())));
        }
        StringBuilder metrics = new StringBuilder();
        names.forEach(name -> metrics.append(",\"").append(name).append("\":").append(value(random)));
        int filler = maybeAHundred && random.nextInt(100) == 0 ? 100 - 1 - names.size() : 0; // "n" is one of them
        for (int m = 0; m < filler; m++) {
            metrics.append(",\"m").append(m).append("\":").append(m);
        }
        return metrics.toString();
    }

    private String value(Random random) {
        return random.nextBoolean() ? NUMBERS.get(random.nextInt(NUMBERS.size()))
                : json.writeValueAsString(LEGAL_STRINGS.get(random.nextInt(LEGAL_STRINGS.size())));
    }

    private record Stamp(String json, Instant stored) {
    }
}
