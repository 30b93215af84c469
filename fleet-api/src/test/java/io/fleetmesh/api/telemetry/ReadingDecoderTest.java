package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.telemetry.Rejection.Cause;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadingDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private final ReadingDecoder decoder = new ReadingDecoder(1024, Duration.ofDays(30), Duration.ofHours(1));

    @Test
    void decodesAReadingWithItsStreamIdentity() {
        Reading reading = (Reading) decode("fleet.truck-7.telemetry.reefer",
                "{\"ts\": \"2026-11-25T13:00:00+02:00\", \"temp\": -18.5, \"door\": \"closed\"}", null, null);
        assertThat(reading.deviceId()).isEqualTo("truck-7");
        assertThat(reading.channel()).isEqualTo("reefer");
        assertThat(reading.ts()).isEqualTo(Instant.parse("2026-11-25T11:00:00Z"));
        assertThat(reading.metricsJson()).isEqualTo("{\"temp\":-18.5,\"door\":\"closed\"}");
        assertThat(reading.epoch()).isEqualTo(1000L);
        assertThat(reading.seq()).isEqualTo(7L);
    }

    @Test
    void takesEpochMillisAndTheIdentityHeaders() {
        Reading reading = (Reading) decode("fleet.van-1.telemetry.engine.oil", "{\"ts\": 1795604400000, \"p\": 3}", "55", "9");
        assertThat(reading.ts()).isEqualTo(Instant.ofEpochMilli(1795604400000L));
        assertThat(reading.channel()).isEqualTo("engine.oil");
        assertThat(reading.epoch()).isEqualTo(55L);
        assertThat(reading.seq()).isEqualTo(9L);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fleet.t.telemetry.reefer | {"ts": "2026-11-25T11:00:00Z", "temp": | MALFORMED | not well-formed JSON
            fleet.t.telemetry.reefer | [1, 2]                                  | INVALID   | not a JSON object
            fleet.t.telemetry.reefer | [1, 2                                   | MALFORMED | not well-formed JSON
            fleet.t.telemetry.reefer | ''                                      | INVALID   | not a JSON object
            fleet.t.telemetry.reefer | {"ts": 1, "t": 1} {"t": 2}              | MALFORMED | content after the object
            fleet.t.telemetry.reefer | {"t": [1], "ts": 1, "u": 2              | MALFORMED | not well-formed JSON
            fleet.t.telemetry.reefer | {"t": {"a": 1}, "ts": "noon"}           | INVALID   | not an RFC 3339 time
            fleet.t.telemetry.reefer | {"ts": 1.5, "temp": 1}                  | INVALID   | ts must be
            fleet.t.telemetry.reefer | {"ts": 1, "ts": 2, "temp": 1}           | MALFORMED | Duplicate
            fleet.t.telemetry.reefer | {"temp": 1}                             | INVALID   | ts is missing
            fleet.t.telemetry.reefer | {"ts": true, "temp": 1}                 | INVALID   | ts must be
            fleet.t.telemetry.reefer | {"ts": "noon", "temp": 1}               | INVALID   | not an RFC 3339 time
            fleet.t.telemetry.reefer | {"ts": "2026-10-01T00:00:00Z", "t": 1}  | OUT_OF_WINDOW | older than the retention
            fleet.t.telemetry.reefer | {"ts": "2026-11-25T14:00:00Z", "t": 1}  | OUT_OF_WINDOW | in the future
            fleet.t.telemetry.reefer | {"ts": "2026-11-25T11:00:00Z"}          | INVALID   | needs 1-100 metrics
            fleet.t.telemetry.reefer | {"ts": "2026-11-25T11:00:00Z", "t": [1]} | INVALID  | must be a finite number
            fleet.t.telemetry.reefer | {"ts": "2026-11-25T11:00:00Z", "t": null} | INVALID | must be a finite number
            fleet.t.telemetry.reefer | {"ts": "2026-11-25T11:00:00Z", "t": 1e999} | INVALID | must be a finite number
            fleet.t.telemetry.reefer | {"ts": "2026-11-25T11:00:00Z", "t": 1, "t": 2} | MALFORMED | Duplicate
            fleet.t.telemetry.reefer | {"ts": "2026-11-25T11:00:00Z", "bad name": 1} | INVALID | metric names
            fleet.T7.telemetry.reefer | {"ts": "2026-11-25T11:00:00Z", "t": 1}  | INVALID   | device id
            fleet.t.telemetry.Reefer  | {"ts": "2026-11-25T11:00:00Z", "t": 1}  | INVALID   | channel must be
            """)
    void refusesBadInputWithAReason(String subject, String payload, Cause cause, String reason) {
        Rejection rejection = (Rejection) decode(subject, payload, null, null);
        assertThat(rejection.cause()).isEqualTo(cause);
        assertThat(rejection.reason()).contains(reason);
        assertThat(rejection.payload()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(rejection.streamSeq()).isEqualTo(7L);
    }

    @Test
    void refusesOversizePayloadsNulStringsAndBrokenIdentityHeaders() {
        assertThat(cause(decode("fleet.t.telemetry.r", "{\"ts\": 1, \"x\": \"" + "y".repeat(1100) + "\"}", null, null)))
                .isEqualTo(Cause.OVERSIZE);
        assertThat(((Rejection) decode("fleet.t.telemetry.r", "{\"ts\": \"2026-11-25T11:00:00Z\", \"x\": \"a\\u0000b\"}",
                null, null)).reason()).contains("without NUL");
        assertThat(cause(decode("fleet.t.telemetry.r", "{\"ts\": \"2026-11-25T11:00:00Z\", \"x\": 1}", "12", null)))
                .isEqualTo(Cause.INVALID);
        assertThat(cause(decode("fleet.t.telemetry.r", "{\"ts\": \"2026-11-25T11:00:00Z\", \"x\": 1}", "12", "-3")))
                .isEqualTo(Cause.INVALID);
    }

    @Test
    void refusesWhatWouldBeStoredAsSomethingElseThanWasSent() {
        byte[] overlongSlash = {'{', '"', 't', 's', '"', ':', '1', ',', '"', 'x', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        Rejection overlong = (Rejection) decoder.decode(IncomingMessage.single("fleet.t.telemetry.r", overlongSlash, null, null, 1L, 7L), NOW);
        assertThat(overlong.cause()).isEqualTo(Cause.MALFORMED);
        assertThat(overlong.reason()).contains("UTF-8");
        assertThat(((Rejection) decode("fleet.t.telemetry.r", "{\"ts\": \"2026-11-25T11:00:00Z\", \"x\": \"a\\ud800\"}",
                null, null)).reason()).contains("unpaired surrogates");
        assertThat(((Rejection) decode("fleet.t.telemetry.r", "{\"ts\": \"2026-11-25T11:00:00Z\", \"x\": 1" + "0".repeat(309) + "}",
                null, null)).reason()).contains("must be a finite number");
        assertThat(decode("fleet.t.telemetry.r", "{\"ts\": \"2026-11-25T11:00:00Z\", \"x\": 1" + "0".repeat(300) + ", \"e\": \"\\ud83d\\ude9a\"}",
                null, null)).isInstanceOf(Reading.class);
    }

    @Test
    void storesNumbersAsSentAndStringsQuotedAgain() {
        Reading reading = (Reading) decode("fleet.t.telemetry.r",
                "{ \"a\" : 1.50, \"ts\": \"2026-11-25T11:00:00Z\", \"b\":1E3,\"c\": \"x\\\"y\\u00e9\\/\\n\", \"d\": -0}", null, null);
        assertThat(reading.metricsJson()).isEqualTo("{\"a\":1.50,\"b\":1E3,\"c\":\"x\\\"yé/\\n\",\"d\":-0}");
    }

    @Test
    void aBatchEntrysIdentityIsTakenAsItCame() {
        Reading reading = (Reading) decoder.decode(new IncomingMessage("fleet.t.telemetry.r",
                "{\"ts\": 1795604400000, \"p\": 3}".getBytes(StandardCharsets.UTF_8), 42L, 9L, 7L), NOW);
        assertThat(reading.epoch()).isEqualTo(42L);
        assertThat(reading.seq()).isEqualTo(9L);
        assertThat(cause(decoder.decode(IncomingMessage.entry("fleet.t.telemetry.r",
                "{\"ts\": 1795604400000, \"p\": 3}".getBytes(StandardCharsets.UTF_8), 0L, 9L, 7L), NOW))).isEqualTo(Cause.INVALID);
        Reading live = (Reading) decoder.decode(IncomingMessage.single("fleet.t.telemetry.r",
                "{\"ts\": 1795604400000, \"p\": 3}".getBytes(StandardCharsets.UTF_8), null, null, 0L, 0L), NOW);
        assertThat(live.epoch()).as("a live view's reading, outside any stream").isZero();
    }

    @Test
    void anUnforeseenFailureOnOneMessageIsARejectionNotAnException() {
        Rejection rejection = (Rejection) decoder.decode(IncomingMessage.single("fleet.t.telemetry.r", null, null, null, 1L, 7L), NOW);
        assertThat(rejection.cause()).isEqualTo(Cause.INVALID);
        assertThat(rejection.reason()).startsWith("payload could not be decoded");
    }

    private Decoded decode(String subject, String payload, String epoch, String seq) {
        return decoder.decode(IncomingMessage.single(subject, payload.getBytes(StandardCharsets.UTF_8), epoch, seq, 1000L, 7L), NOW);
    }

    private static Cause cause(Decoded decoded) {
        return ((Rejection) decoded).cause();
    }
}
