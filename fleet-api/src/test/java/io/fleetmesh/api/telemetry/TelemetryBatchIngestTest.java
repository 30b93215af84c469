package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.protocol.MeshHeaders;
import io.fleetmesh.protocol.TelemetryBatch;
import io.fleetmesh.protocol.TelemetryBatch.Entry;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Telemetry batches (ADR 0016) as the truck's forwarder sends them, through the hub into PostgreSQL. */
class TelemetryBatchIngestTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long EPOCH = 1_760_000_000_000L;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void eachReadingOfABatchIsStoredUnderItsOwnIdentityAndTheNewestIsTheLatestValue() throws Exception {
        String device = uniqueId("batch");
        createDevice(device);
        Instant t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(entry(10 + 2 * i, "{\"ts\": %d, \"temp\": %d}".formatted(t0.plusSeconds(i).toEpochMilli(), i)));
        }
        publishBatch(device, "reefer", entries);

        await().atMost(WAIT).until(() -> rows(device) == 50);
        assertThat(jdbc.queryForList("SELECT seq FROM telemetry WHERE device_id = ? AND epoch = ? ORDER BY ts", Long.class,
                device, EPOCH)).first().isEqualTo(10L);
        assertThat(jdbc.queryForObject("SELECT max(seq) FROM telemetry WHERE device_id = ?", Long.class, device)).isEqualTo(108L);
        JsonNode latest = get("/api/v1/devices/%s/telemetry/latest".formatted(device)).json();
        assertThat(latest.get("channels").get("reefer").get("metrics").get("temp").intValue()).isEqualTo(49);
        assertThat(quarantined(device)).isEmpty();
    }

    @Test
    void aBadReadingInsideABatchIsQuarantinedAloneWithItsOwnBytes() throws Exception {
        String device = uniqueId("batch-bad");
        createDevice(device);
        String now = Instant.now().toString();
        publishBatch(device, "reefer", List.of(entry(1, "{\"ts\": \"%s\", \"temp\": 1}".formatted(now)),
                entry(2, "{\"ts\": \"%s\", \"temp\": "), entry(3, "{\"ts\": \"yesterday\", \"temp\": 3}"),
                entry(4, "{\"ts\": \"%s\", \"temp\": 4}".formatted(now))));

        await().atMost(WAIT).until(() -> rows(device) == 2 && quarantined(device).size() == 2);
        assertThat(jdbc.queryForList("SELECT seq FROM telemetry WHERE device_id = ? ORDER BY seq", Long.class, device))
                .containsExactly(1L, 4L);
        assertThat(quarantined(device)).anyMatch(reason -> reason.startsWith("MALFORMED"))
                .anyMatch(reason -> reason.contains("ts is not an RFC 3339 time"));
        byte[] raw = jdbc.queryForObject("SELECT payload FROM quarantine WHERE subject = ? AND reason LIKE 'MALFORMED%'",
                byte[].class, "fleet." + device + ".telemetry.reefer");
        assertThat(new String(raw, StandardCharsets.UTF_8)).isEqualTo("{\"ts\": \"%s\", \"temp\": ");
    }

    @Test
    void aBatchCutShortIsQuarantinedWholeAndWhatFollowsIsStored() throws Exception {
        String device = uniqueId("batch-cut");
        createDevice(device);
        String now = Instant.now().toString();
        byte[] packed = TelemetryBatch.pack(List.of(entry(1, "{\"ts\": \"%s\", \"temp\": 1}".formatted(now)),
                entry(2, "{\"ts\": \"%s\", \"temp\": 2}".formatted(now))));
        publish(device, "reefer", batchHeaders(device, 1, 2, 2), Arrays.copyOf(packed, packed.length - 3));
        publishBatch(device, "reefer", List.of(entry(3, "{\"ts\": \"%s\", \"temp\": 3}".formatted(now)),
                entry(4, "{\"ts\": \"%s\", \"temp\": 4}".formatted(now))));

        await().atMost(WAIT).until(() -> rows(device) == 2 && quarantined(device).size() == 1);
        assertThat(quarantined(device)).containsExactly("MALFORMED: telemetry batch is cut short after 1 readings");
        assertThat(jdbc.queryForList("SELECT seq FROM telemetry WHERE device_id = ? ORDER BY seq", Long.class, device))
                .containsExactly(3L, 4L);
    }

    /** A forwarder restarted after the hub stored its batch re-sends from its outbox with other boundaries. */
    @Test
    void readingsSentAgainInOtherBatchesOrAloneAreStoredOnceAndOldAgentsSingleReadingsStillCount() throws Exception {
        String device = uniqueId("batch-again");
        createDevice(device);
        Instant t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        List<Entry> all = new ArrayList<>();
        for (int seq = 1; seq <= 30; seq++) {
            all.add(entry(seq, "{\"ts\": %d, \"temp\": %d}".formatted(t0.plusMillis(seq).toEpochMilli(), seq)));
        }
        publishBatch(device, "reefer", all.subList(0, 20));
        publishBatch(device, "reefer", all.subList(10, 30));
        publishSingle(device, all.get(29));
        publish(device, "reefer", new Headers(), "{\"ts\": \"%s\", \"temp\": 99}".formatted(t0).getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> rows(device) == 31);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT seq) FROM telemetry WHERE device_id = ? AND epoch = ?",
                Integer.class, device, EPOCH)).isEqualTo(30);
        assertThat(quarantined(device)).isEmpty();
    }

    @Test
    void aWatcherSeesEveryReadingOfABatchLive() throws Exception {
        String device = uniqueId("batch-live");
        createDevice(device);
        List<String> lines = streamLines("/api/v1/devices/" + device + "/telemetry/live", adminKey(), ":watching " + device);
        String ts = "\"ts\": \"" + Instant.now() + "\"";
        publishBatch(device, "reefer", List.of(entry(1, "{" + ts + ", \"temp\": -18.25}"), entry(2, "{\"temp\": 1}"),
                entry(3, "{" + ts + ", \"temp\": -18.75}")));

        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.contains("-18.75")));
        List<String> data = lines.stream().filter(line -> line.startsWith("data:")).toList();
        assertThat(data).hasSize(2);
        assertThat(data.get(0)).contains("-18.25");
    }

    private void publishBatch(String device, String channel, List<Entry> entries) throws Exception {
        publish(device, channel, batchHeaders(device, entries.get(0).seq(), entries.get(entries.size() - 1).seq(),
                entries.size()), TelemetryBatch.pack(entries));
    }

    private void publishSingle(String device, Entry entry) throws Exception {
        Headers headers = new Headers().put(MeshHeaders.EPOCH, Long.toString(entry.epoch()))
                .put(MeshHeaders.SEQ, Long.toString(entry.seq()))
                .put(MeshHeaders.MESSAGE_ID, MeshHeaders.messageId(device, entry.epoch(), entry.seq()));
        publish(device, "reefer", headers, entry.body());
    }

    private static Headers batchHeaders(String device, long first, long last, int count) {
        return new Headers().put(MeshHeaders.BATCH, Integer.toString(count))
                .put(MeshHeaders.MESSAGE_ID, MeshHeaders.batchId(device, EPOCH, first, last));
    }

    private void publish(String device, String channel, Headers headers, byte[] payload) throws Exception {
        nats.jetStream().publish(NatsMessage.builder().subject("fleet.%s.telemetry.%s".formatted(device, channel))
                .headers(headers).data(payload).build());
    }

    private static Entry entry(long seq, String body) {
        return new Entry(EPOCH, seq, body.getBytes(StandardCharsets.UTF_8));
    }

    private int rows(String device) {
        return jdbc.queryForObject("SELECT count(*) FROM telemetry WHERE device_id = ?", Integer.class, device);
    }

    private List<String> quarantined(String device) {
        return jdbc.queryForList("SELECT reason FROM quarantine WHERE subject LIKE ? ORDER BY id", String.class,
                "fleet." + device + ".%");
    }
}
