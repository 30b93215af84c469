package io.fleetmesh.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetmesh.api.refusals.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How exports show what sources give: zone, units, durations, missing values. */
class PresentationTest {

    private static final Column DISTANCE = Column.of("distanceMeters", "Distance", Cell.DISTANCE);
    private static final Column SPEED = Column.of("maxSpeedKmh", "Max speed", Cell.SPEED);
    private static final Column START = Column.of("startedAt", "Start", Cell.TIME);
    private static final Column DURATION = Column.of("durationSeconds", "Duration", Cell.DURATION);

    private final Presentation berlinMetric = new Presentation(ZoneId.of("Europe/Berlin"), Units.METRIC);
    private final Presentation chicagoImperial = new Presentation(ZoneId.of("America/Chicago"), Units.IMPERIAL);

    @Test
    void headersNameTheZoneAndTheUnits() {
        assertThat(berlinMetric.header(START)).isEqualTo("Start (Europe/Berlin)");
        assertThat(berlinMetric.header(DISTANCE)).isEqualTo("Distance (km)");
        assertThat(chicagoImperial.header(SPEED)).isEqualTo("Max speed (mph)");
        assertThat(chicagoImperial.header(DURATION)).isEqualTo("Duration");
    }

    @Test
    void timesAreLocalToTheOperatorAcrossADaylightSavingChange() {
        assertThat(berlinMetric.text(START, Instant.parse("2026-03-29T00:30:00Z"))).isEqualTo("2026-03-29 01:30:00");
        assertThat(berlinMetric.text(START, Instant.parse("2026-03-29T01:30:00Z"))).isEqualTo("2026-03-29 03:30:00");
        assertThat(chicagoImperial.text(START, Instant.parse("2026-12-06T03:00:00Z"))).isEqualTo("2026-12-05 21:00:00");
    }

    @Test
    void distancesAndSpeedsAreInTheOperatorsUnits() {
        assertThat(berlinMetric.text(DISTANCE, 12_345.0)).isEqualTo("12.35");
        assertThat(chicagoImperial.number(DISTANCE, 1609.344)).isCloseTo(1, within(1e-12));
        assertThat(chicagoImperial.text(SPEED, 100.0)).isEqualTo("62.14");
        assertThat(berlinMetric.number(SPEED, 100.0)).isCloseTo(100, within(1e-12));
    }

    @Test
    void durationsReadAsHoursMinutesSecondsAndMissingValuesAsNothing() {
        assertThat(berlinMetric.text(DURATION, 0L)).isEqualTo("0:00:00");
        assertThat(berlinMetric.text(DURATION, 90_061L)).isEqualTo("25:01:01");
        assertThat(berlinMetric.text(DISTANCE, null)).isEmpty();
        assertThat(berlinMetric.text(Column.of("day", "Day", Cell.DAY), LocalDate.of(2026, 12, 6))).isEqualTo("2026-12-06");
    }

    @Test
    void unknownUnitsAndFormatsAreRefusedByName() {
        assertThat(Units.named("Imperial")).isEqualTo(Units.IMPERIAL);
        assertThat(ExportFormat.named("XLSX")).isEqualTo(ExportFormat.XLSX);
        assertThatThrownBy(() -> Units.named("furlongs")).isInstanceOf(InvalidInput.class).hasMessageContaining("metric");
        assertThatThrownBy(() -> ExportFormat.named("docx")).isInstanceOf(InvalidInput.class);
    }
}
