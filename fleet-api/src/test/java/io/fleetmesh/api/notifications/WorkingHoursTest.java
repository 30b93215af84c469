package io.fleetmesh.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void officeHoursAreWeekdaysFromSevenToSevenInTheRulesZone() {
        assertThat(WorkingHours.OFFICE.cover(Instant.parse("2026-12-07T06:30:00Z"), BERLIN)).as("Monday 07:30").isTrue();
        assertThat(WorkingHours.OFFICE.cover(Instant.parse("2026-12-07T05:59:00Z"), BERLIN)).as("Monday 06:59").isFalse();
        assertThat(WorkingHours.OFFICE.cover(Instant.parse("2026-12-07T18:00:00Z"), BERLIN)).as("Monday 19:00").isFalse();
        assertThat(WorkingHours.OFFICE.cover(Instant.parse("2026-12-05T10:00:00Z"), BERLIN)).as("Saturday").isFalse();
        assertThat(WorkingHours.OFFICE.cover(Instant.parse("2026-12-07T06:30:00Z"), ZoneId.of("UTC"))).as("06:30 UTC").isFalse();
    }

    @Test
    void aNightShiftOverMidnightBelongsToTheDayItBegan() {
        WorkingHours nights = new WorkingHours(LocalTime.of(22, 0), LocalTime.of(6, 0), EnumSet.of(DayOfWeek.FRIDAY));
        ZoneId utc = ZoneId.of("UTC");
        assertThat(nights.cover(Instant.parse("2026-12-04T23:00:00Z"), utc)).as("Friday 23:00").isTrue();
        assertThat(nights.cover(Instant.parse("2026-12-05T05:00:00Z"), utc)).as("Saturday 05:00, Friday's shift").isTrue();
        assertThat(nights.cover(Instant.parse("2026-12-05T23:00:00Z"), utc)).as("Saturday 23:00").isFalse();
        assertThat(nights.cover(Instant.parse("2026-12-04T05:00:00Z"), utc)).as("Friday 05:00, Thursday's shift").isFalse();
    }
}
