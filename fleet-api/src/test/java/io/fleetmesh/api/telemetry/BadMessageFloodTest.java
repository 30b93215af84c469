package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.telemetry.BadMessages.Kind;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import io.fleetmesh.api.telemetry.FloodOutcome.QuarantineRow;
import io.fleetmesh.api.telemetry.FloodOutcome.Sent;
import io.fleetmesh.api.telemetry.FloodOutcome.StoredRow;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * DESIGN §6, bad input, at volume: a seeded random interleaving of bad messages of every kind and good readings goes
 * into the hub's TELEMETRY stream. Every good reading must be stored exactly once and exactly as sent, every bad
 * message must be a quarantine row with its reason, and the consumer must still be running afterwards.
 * {@code -Dfleetmesh.chaos.bad-messages=100000} is the full run; {@code -Dfleetmesh.chaos.seed=} replays one.
 */
class BadMessageFloodTest extends IntegrationTest {

    private static final int WINDOW = 2_000; // unacknowledged async publishes: fast, without swamping the hub
    private static final int DEVICES = 4;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private IngestProperties ingest;
    @Autowired
    private TelemetryProperties telemetry;

    @Test
    void everyBadMessageIsQuarantinedWithItsReasonAndEveryGoodReadingIsStoredExactlyOnce() throws Exception {
        long seed = Long.getLong("fleetmesh.chaos.seed", new Random().nextLong());
        int bad = Integer.getInteger("fleetmesh.chaos.bad-messages", 5_000);
        int good = Integer.getInteger("fleetmesh.chaos.good-readings", bad);
        System.out.println("bad-messages: seed " + seed + " (replay with -Dfleetmesh.chaos.seed=" + seed + ")");
        String run = HexFormat.of().toHexDigits(UUID.randomUUID().hashCode()); // in every subject of this run
        List<String> devices = IntStream.range(0, DEVICES).mapToObj(d -> "flood-" + run + "-" + d).toList();
        devices.forEach(this::createDevice);

        long started = System.nanoTime();
        Flood flood = publish(plan(bad, good, 3 + bad / 1_000, new Random(seed)), seed, run, devices);
        awaitAccounted(run, flood.sent.size(), Duration.ofSeconds(60 + (bad + good) / 500));
        double seconds = (System.nanoTime() - started) / 1e9;

        FloodOutcome outcome = new FloodOutcome(flood.sent, flood.refused, flood.problems, stored(run), quarantined(run));
        System.out.println(outcome.summary(seed, seconds));
        outcome.report(seed);
        assertThat(outcome.shownProblems()).as("problems, the first of %d", outcome.problemCount()).isEmpty();
        theConsumerStillStoresAFreshReading(devices.get(0));
        assertThat(get("/actuator/health").json().get("status").stringValue()).isEqualTo("UP");
    }

    /** Kinds in a seeded random order; a null is a good reading. Counts per kind follow the kinds' weights. */
    private static List<Kind> plan(int bad, int good, int refused, Random random) {
        List<Kind> plan = new ArrayList<>(Collections.nCopies(good, (Kind) null));
        int weights = Arrays.stream(Kind.values()).mapToInt(kind -> kind.weight).sum();
        for (Kind kind : Kind.values()) {
            plan.addAll(Collections.nCopies(bad * kind.weight / weights, kind));
        }
        plan.addAll(Collections.nCopies(good + bad - plan.size(), Kind.MALFORMED_JSON)); // the rounding's remainder
        plan.addAll(Collections.nCopies(refused, Kind.REFUSED_BY_HUB));
        Collections.shuffle(plan, random);
        return plan;
    }

    /** Each message from its own seeded random: a seed replays the same flood whatever the publish timing. */
    private Flood publish(List<Kind> plan, long seed, String run, List<String> devices) throws Exception {
        Instant now = Instant.now();
        GoodReadings goodReadings = new GoodReadings(devices, ingest.maxPayloadBytes(), now);
        BadMessages badMessages = new BadMessages(run, devices, goodReadings, limits(), now);
        Flood flood = new Flood(streamEpoch());
        ArrayDeque<InFlight> window = new ArrayDeque<>();
        int n = 0;
        for (int i = 0; i < plan.size(); i++) {
            Random random = new Random(seed + 0x9E3779B97F4A7C15L * (i + 1));
            FloodMessage message = plan.get(i) == null ? goodReadings.next(n++, random) : badMessages.next(plan.get(i), random);
            window.add(new InFlight(message, sha256(message.payload()), publishAsync(message)));
            if (window.size() >= WINDOW) {
                flood.settle(window.poll());
            }
        }
        while (!window.isEmpty()) {
            flood.settle(window.poll());
        }
        return flood;
    }

    /** What the decoder refuses and what the hub refuses: its max_payload, or the stream's own limit if it has one. */
    private BadMessages.Limits limits() throws Exception {
        StreamConfiguration stream = nats.jetStreamManagement().getStreamInfo(HubStreams.TELEMETRY).getConfiguration();
        int hub = nats.getServerInfo().getMaxPayload() > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) nats.getServerInfo().getMaxPayload();
        int hubMax = stream.getMaximumMessageSize() > 0 ? Math.min(hub, stream.getMaximumMessageSize()) : hub;
        System.out.println("bad-messages: decoder limit " + ingest.maxPayloadBytes() + " B, hub limit " + hubMax + " B");
        return new BadMessages.Limits(ingest.maxPayloadBytes(), hubMax, telemetry.retention(), telemetry.maxClockSkew());
    }

    private long streamEpoch() throws Exception {
        return nats.jetStreamManagement().getStreamInfo(HubStreams.TELEMETRY).getCreateTime().toInstant().toEpochMilli();
    }

    /** The client refuses a payload over the hub's max_payload before sending it, as the hub would. */
    private CompletableFuture<PublishAck> publishAsync(FloodMessage message) throws IOException {
        JetStream js = nats.jetStream();
        try {
            return js.publishAsync(NatsMessage.builder().subject(message.subject()).headers(message.headers())
                    .data(message.payload()).build());
        } catch (IllegalArgumentException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    private void awaitAccounted(String run, int messages, Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> accounted(run) >= messages);
        } catch (ConditionTimeoutException e) {
            System.out.println("bad-messages: not all accounted for within " + timeout + "; the checks below say what is missing");
        }
    }

    private long accounted(String run) {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM telemetry WHERE device_id LIKE ?)"
                + " + (SELECT count(*) FROM quarantine WHERE strpos(subject, ?) > 0)", Long.class, "flood-" + run + "-%", run);
    }

    private List<StoredRow> stored(String run) {
        return jdbc.query("SELECT device_id, channel, ts, metrics::text, epoch, seq FROM telemetry WHERE device_id LIKE ?",
                (rs, row) -> new StoredRow(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                        json.readTree(rs.getString(4)), rs.getLong(5), rs.getLong(6)), "flood-" + run + "-%");
    }

    private List<QuarantineRow> quarantined(String run) {
        return jdbc.query("SELECT stream_seq, subject, reason, sha256(payload) FROM quarantine WHERE strpos(subject, ?) > 0",
                (rs, row) -> new QuarantineRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)), run);
    }

    private void theConsumerStillStoresAFreshReading(String device) throws Exception {
        String marker = UUID.randomUUID().toString();
        nats.jetStream().publish("fleet." + device + ".telemetry.after", json.writeValueAsBytes(
                json.createObjectNode().put("ts", Instant.now().toString()).put("alive", marker)));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM telemetry WHERE device_id = ? AND metrics->>'alive' = ?", Integer.class, device, marker) == 1);
    }

    private static byte[] sha256(byte[] payload) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(payload);
    }

    private record InFlight(FloodMessage message, byte[] sha256, CompletableFuture<PublishAck> ack) {
    }

    /** What went into the stream, how many the hub refused, and problems seen while publishing. */
    private static final class Flood {

        private final List<Sent> sent = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private final long streamEpoch;
        private int refused;

        Flood(long streamEpoch) {
            this.streamEpoch = streamEpoch;
        }

        void settle(InFlight inFlight) throws InterruptedException {
            FloodMessage message = inFlight.message();
            try {
                PublishAck ack = inFlight.ack().get(30, TimeUnit.SECONDS);
                if (message.refusedByHub()) {
                    problems.add("the hub took " + message.subject() + " (" + message.payload().length + " B)");
                }
                sent.add(Sent.of(message, inFlight.sha256(), ack.getSeqno(), streamEpoch));
            } catch (ExecutionException | TimeoutException e) {
                if (!message.refusedByHub()) {
                    problems.add("the hub refused a " + message.kind() + " on " + message.subject() + ": " + e);
                }
                refused++;
            }
        }
    }
}
