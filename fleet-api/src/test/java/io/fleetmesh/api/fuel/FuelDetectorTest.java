package io.fleetmesh.api.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Golden samples: a recorded day of a 400 l tank's noisy levels, and small made-up cases. */
class FuelDetectorTest {

    private static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");
    private static final double TANK = 400;
    static final FuelThresholds THRESHOLDS = new FuelProperties(10, 5, 2, Duration.ofMinutes(30), Duration.ofMinutes(2),
            5, 5, Duration.ofSeconds(5)).forTank(TANK);

    /** One row of the recording: a fix's speed and a level in percent at the same time. */
    record Row(Instant at, double speedKmh, double percent) {
    }

    @Test
    void theRecordedDayHasOneRefuelAndOneDrainDespiteSloshingGlitchesIdlingAndASlowLeak() throws IOException {
        List<FuelChange> changes = detect(recorded(), Integer.MAX_VALUE);

        assertThat(changes).extracting(FuelChange::kind).containsExactly(FuelChange.Kind.REFUEL, FuelChange.Kind.DRAIN);
        FuelChange refuel = changes.get(0);
        assertThat(minutes(refuel.startedAt())).isCloseTo(70, within(1.0));
        assertThat(minutes(refuel.endedAt())).isCloseTo(73, within(1.5));
        assertThat(refuel.litres()).isCloseTo(120, within(8.0));
        FuelChange drain = changes.get(1);
        assertThat(minutes(drain.startedAt())).isCloseTo(300, within(1.5));
        assertThat(minutes(drain.endedAt())).isCloseTo(312, within(2.0));
        assertThat(drain.litres()).isCloseTo(72, within(8.0));
    }

    @Test
    void readRawWithoutTheMedianOrTheSettleTimeTheSameDayWouldRaiseFalseChanges() throws IOException {
        FuelThresholds raw = new FuelThresholds(THRESHOLDS.refuelLitres(), THRESHOLDS.drainLitres(),
                THRESHOLDS.noiseLitres(), THRESHOLDS.window(), Duration.ZERO, 1, THRESHOLDS.movingKmh());
        FuelDetector detector = new FuelDetector(raw, FuelState.INITIAL);
        recorded().forEach(row -> feed(detector, row));
        assertThat(detector.changes()).as("what the filter keeps out").hasSizeGreaterThan(2);
    }

    @Test
    void readInBatchesWithTheStateStoredBetweenThemTheDayGivesTheSameChanges() throws IOException {
        List<Row> day = recorded();
        assertThat(detect(day, 7)).isEqualTo(detect(day, Integer.MAX_VALUE));
        assertThat(detect(day, 500)).isEqualTo(detect(day, Integer.MAX_VALUE));
    }

    @Test
    void aLevelIsKeptOnceAMinuteFiltered() throws IOException {
        FuelDetector detector = new FuelDetector(THRESHOLDS, FuelState.INITIAL);
        recorded().forEach(row -> feed(detector, row));
        List<FuelDetector.Level> levels = detector.levels();
        assertThat(levels).hasSize(600);
        assertThat(levels).allMatch(level -> level.litres() > 200 && level.litres() < 400);
    }

    @Test
    void aRefuelCutShortByDrivingOffCountsAsItStoodWhenPastTheThreshold() {
        FuelDetector detector = new FuelDetector(THRESHOLDS, FuelState.INITIAL);
        Instant at = T0;
        for (int i = 0; i < 20; i++, at = at.plusSeconds(10)) {
            detector.speed(at, 0);
            detector.level(at, i < 10 ? 100 : 200);
        }
        detector.speed(at, 40);
        assertThat(detector.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(FuelChange.Kind.REFUEL);
            assertThat(change.litresBefore()).isEqualTo(100);
            assertThat(change.litresAfter()).isEqualTo(200);
        });
    }

    @Test
    void whileDrivingEvenABigFallIsConsumption() {
        FuelDetector detector = new FuelDetector(THRESHOLDS, FuelState.INITIAL);
        Instant at = T0;
        for (int i = 0; i < 60; i++, at = at.plusSeconds(10)) {
            detector.speed(at, 80);
            detector.level(at, 300 - i * 2);
        }
        detector.speed(at, 0);
        assertThat(detector.changes()).isEmpty();
    }

    static List<FuelChange> detect(List<Row> rows, int batch) {
        JsonMapper json = JsonMapper.builder().build();
        FuelState state = FuelState.INITIAL;
        List<FuelChange> changes = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += batch) {
            FuelDetector detector = new FuelDetector(THRESHOLDS, state);
            rows.subList(from, Math.min(rows.size(), from + batch)).forEach(row -> feed(detector, row));
            changes.addAll(detector.changes());
            state = json.readValue(json.writeValueAsString(detector.state()), FuelState.class);
        }
        return changes;
    }

    private static void feed(FuelDetector detector, Row row) {
        detector.speed(row.at(), row.speedKmh());
        detector.level(row.at(), row.percent() * TANK / 100);
    }

    static List<Row> recorded() throws IOException {
        try (InputStream in = FuelDetectorTest.class.getResourceAsStream("/fuel/recorded-levels.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("offset"))
                    .map(line -> line.split(","))
                    .map(cells -> new Row(T0.plusSeconds(Long.parseLong(cells[0])), Double.parseDouble(cells[1]),
                            Double.parseDouble(cells[2])))
                    .toList();
        }
    }

    private static double minutes(Instant at) {
        return Duration.between(T0, at).toSeconds() / 60.0;
    }
}
