package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.telemetry.FloodMessage.GoodReading;
import io.fleetmesh.api.telemetry.Rejection.Cause;
import io.fleetmesh.devkit.ChaosOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The flood's checks: every good reading stored once as sent, every bad message quarantined once with its reason
 * and its exact payload, nothing else. Counts what was lost and what was duplicated for the summary line.
 */
final class FloodOutcome {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Numbers compare by value: PostgreSQL's jsonb writes 1e300 as a 1 and 300 zeros, the same number. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    private static final int SHOWN = 50;

    private final List<Sent> sent;
    private final int refusedByHub;
    private final List<StoredRow> stored;
    private final List<QuarantineRow> quarantined;
    private final List<String> problems;
    private int lost;
    private int duplicated;

    FloodOutcome(List<Sent> sent, int refusedByHub, List<String> publishProblems, List<StoredRow> stored,
                 List<QuarantineRow> quarantined) {
        this.sent = sent;
        this.refusedByHub = refusedByHub;
        this.problems = new ArrayList<>(publishProblems);
        this.stored = stored;
        this.quarantined = quarantined;
        checkReadings();
        checkQuarantine();
    }

    /** A message in the stream; a bad one's payload is let go (the flood would not fit in memory), its digest kept. */
    record Sent(String kind, String subject, Cause cause, String detail, GoodReading reading, JsonNode metrics,
                byte[] sha256, long seq) {

        static Sent of(FloodMessage message, byte[] sha256, long seq, long streamEpoch) {
            return new Sent(message.kind(), message.subject(), message.cause(), message.detail(),
                    message.good() ? identified(message.reading(), seq, streamEpoch) : null,
                    message.good() ? metrics(message.payload()) : null, sha256, seq);
        }

        /** A reading without identity headers takes the hub stream's: its creation time and the message's seq. */
        private static GoodReading identified(GoodReading r, long seq, long streamEpoch) {
            return r.epoch() != null ? r : new GoodReading(r.n(), r.device(), r.channel(), r.ts(), streamEpoch, seq);
        }

        private static JsonNode metrics(byte[] payload) {
            ObjectNode metrics = (ObjectNode) JSON.readTree(payload);
            metrics.remove("ts");
            return metrics;
        }
    }

    record StoredRow(String device, String channel, Instant ts, JsonNode metrics, long epoch, long seq) {
    }

    record QuarantineRow(long streamSeq, String subject, String reason, byte[] sha256) {
    }

    List<String> shownProblems() {
        return problems.size() > SHOWN ? problems.subList(0, SHOWN) : problems;
    }

    int problemCount() {
        return problems.size();
    }

    String summary(long seed, double seconds) {
        long bad = sent.stream().filter(s -> s.reading() == null).count();
        Map<String, Long> byReason = quarantined.stream().collect(Collectors.groupingBy(
                row -> row.reason().substring(0, Math.max(0, row.reason().indexOf(':'))), TreeMap::new, Collectors.counting()));
        return "bad-messages: sent %d bad + %d good; stored %d; quarantined %d (by reason: %s); refused by the hub %d; lost %d; duplicated %d; seed %d; %.1f s"
                .formatted(bad, sent.size() - bad, stored.size(), quarantined.size(), byReason.toString().replaceAll("[{}]", ""),
                        refusedByHub, lost, duplicated, seed, seconds)
                + "\nbad-messages by kind: " + byKind();
    }

    /** The tally every chaos scenario gives (docs/reliability.md): of the good readings, and where the bad went. */
    void report(long seed) {
        long bad = sent.stream().filter(s -> s.reading() == null).count();
        new ChaosOutcome("bad messages", sent.size() - bad, stored.size(), lost, duplicated,
                "%,d bad mixed in: %,d quarantined with a reason, %,d refused by the hub; seed %d".formatted(bad,
                        quarantined.size(), refusedByHub, seed)).report();
    }

    private String byKind() {
        return sent.stream().filter(s -> s.reading() == null).collect(Collectors.groupingBy(
                s -> s.kind() + "/" + s.cause(), TreeMap::new, Collectors.counting())).toString();
    }

    /** Rows are matched to readings by their metric "n", which only good readings carry. */
    private void checkReadings() {
        Map<Integer, Sent> readings = new HashMap<>();
        sent.stream().filter(s -> s.reading() != null).forEach(s -> readings.put(s.reading().n(), s));
        Map<Integer, Integer> rows = new HashMap<>();
        for (StoredRow row : stored) {
            JsonNode n = row.metrics().get("n");
            Sent reading = n == null ? null : readings.get(n.intValue());
            if (reading == null) {
                problem("stored but not a good reading: " + row);
                continue;
            }
            rows.merge(reading.reading().n(), 1, Integer::sum);
            checkRow(reading, row);
        }
        readings.forEach((n, reading) -> count(rows.getOrDefault(n, 0), "good reading " + reading.reading()));
    }

    private void checkRow(Sent sent, StoredRow row) {
        GoodReading expected = sent.reading();
        StoredRow wanted = new StoredRow(expected.device(), expected.channel(), expected.ts(), row.metrics(), expected.epoch(), expected.seq());
        if (!row.equals(wanted) || !sent.metrics().equals(SAME_VALUE, row.metrics())) {
            problem("stored as " + row + " but sent as " + expected + " " + sent.metrics());
        }
    }

    /** Rows are matched to bad messages by stream sequence. */
    private void checkQuarantine() {
        Map<Long, Sent> bySeq = new HashMap<>();
        sent.forEach(s -> bySeq.put(s.seq(), s));
        Map<Long, Integer> rows = new HashMap<>();
        for (QuarantineRow row : quarantined) {
            Sent message = bySeq.get(row.streamSeq());
            if (message == null || message.reading() != null) {
                problem((message == null ? "quarantined but not sent: " : "good reading quarantined: ") + row.subject() + " " + row.reason());
                continue;
            }
            rows.merge(row.streamSeq(), 1, Integer::sum);
            checkReason(message, row);
        }
        sent.stream().filter(s -> s.reading() == null)
                .forEach(s -> count(rows.getOrDefault(s.seq(), 0), s.kind() + " on " + s.subject()));
    }

    private void checkReason(Sent message, QuarantineRow row) {
        boolean reasoned = row.reason().startsWith(message.cause() + ": ") && row.reason().contains(message.detail());
        if (!reasoned || !Arrays.equals(message.sha256(), row.sha256())) {
            problem(message.kind() + " on " + message.subject() + " expected " + message.cause() + " '" + message.detail()
                    + "', quarantined as '" + row.reason() + "'" + (reasoned ? " with another payload" : ""));
        }
    }

    private void count(int rows, String what) {
        if (rows == 0) {
            lost++;
            problem("lost: " + what);
        } else if (rows > 1) {
            duplicated += rows - 1;
            problem(rows + " rows for " + what);
        }
    }

    private void problem(String problem) {
        problems.add(problem.length() > 300 ? problem.substring(0, 300) + "..." : problem);
    }
}
