package io.fleetmesh.api.reportschedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.reports.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The last complete period before a moment, in a zone: pure arithmetic, across DST changes and month ends. */
class ReportFrequencyTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void dailyIsYesterdayMidnightToMidnightInTheZone() {
        Period period = ReportFrequency.DAILY.lastComplete(Instant.parse("2026-12-06T23:05:00Z"), BERLIN);

        assertThat(period).isEqualTo(new Period(Instant.parse("2026-12-05T23:00:00Z"), Instant.parse("2026-12-06T23:00:00Z")));
        assertThat(ReportFrequency.DAILY.label(period, BERLIN)).isEqualTo("2026-12-06");
        assertThat(ReportFrequency.DAILY.lastComplete(Instant.parse("2026-12-06T22:59:59Z"), BERLIN).from())
                .isEqualTo(Instant.parse("2026-12-04T23:00:00Z"));
    }

    @Test
    void theDayOfADstChangeIs23Or25Hours() {
        Period spring = ReportFrequency.DAILY.lastComplete(Instant.parse("2026-03-29T22:30:00Z"), BERLIN);
        Period autumn = ReportFrequency.DAILY.lastComplete(Instant.parse("2026-10-25T23:30:00Z"), BERLIN);

        assertThat(spring.from()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(Duration.between(spring.from(), spring.to())).isEqualTo(Duration.ofHours(23));
        assertThat(autumn.from()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(Duration.between(autumn.from(), autumn.to())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void aMidnightThatDoesNotExistStartsAtTheFirstMomentAfterIt() {
        // Santiago's clocks went from 2022-09-11 00:00 straight to 01:00
        ZoneId santiago = ZoneId.of("America/Santiago");
        Period period = ReportFrequency.DAILY.lastComplete(Instant.parse("2022-09-12T12:00:00Z"), santiago);

        assertThat(period.from()).isEqualTo(Instant.parse("2022-09-11T04:00:00Z"));
        assertThat(Duration.between(period.from(), period.to())).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void weeklyIsTheLastWholeWeekFromMondayInTheZone() {
        // Monday 2026-12-07 00:30 in Berlin is still Sunday in UTC
        Period period = ReportFrequency.WEEKLY.lastComplete(Instant.parse("2026-12-06T23:30:00Z"), BERLIN);

        assertThat(period).isEqualTo(new Period(Instant.parse("2026-11-29T23:00:00Z"), Instant.parse("2026-12-06T23:00:00Z")));
        assertThat(ReportFrequency.WEEKLY.label(period, BERLIN)).isEqualTo("2026-11-30 to 2026-12-06");
        assertThat(ReportFrequency.WEEKLY.lastComplete(Instant.parse("2026-12-06T23:30:00Z"), ZoneId.of("UTC")).from())
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void aWeekAcrossTheDstChangeHasOneHourLess() {
        Period period = ReportFrequency.WEEKLY.lastComplete(Instant.parse("2026-03-31T10:00:00Z"), NEW_YORK);

        assertThat(period.from()).isEqualTo(Instant.parse("2026-03-23T04:00:00Z"));
        Period acrossChange = ReportFrequency.WEEKLY.lastComplete(Instant.parse("2026-03-10T10:00:00Z"), NEW_YORK);
        assertThat(Duration.between(acrossChange.from(), acrossChange.to())).isEqualTo(Duration.ofDays(7).minusHours(1));
    }

    @Test
    void monthlyIsTheLastWholeMonthWhateverItsLength() {
        Period february = ReportFrequency.MONTHLY.lastComplete(Instant.parse("2028-03-01T00:00:00Z"), ZoneId.of("UTC"));
        Period december = ReportFrequency.MONTHLY.lastComplete(Instant.parse("2027-01-15T08:00:00Z"), BERLIN);

        assertThat(february).isEqualTo(new Period(Instant.parse("2028-02-01T00:00:00Z"), Instant.parse("2028-03-01T00:00:00Z")));
        assertThat(ReportFrequency.MONTHLY.label(february, ZoneId.of("UTC"))).isEqualTo("2028-02");
        assertThat(december).isEqualTo(new Period(Instant.parse("2026-11-30T23:00:00Z"), Instant.parse("2026-12-31T23:00:00Z")));
        assertThat(Duration.between(december.from(), december.to())).isLessThanOrEqualTo(Period.LONGEST);
    }

    @Test
    void theFirstMomentOfAPeriodAlreadyReportsThePreviousOne() {
        Period october = ReportFrequency.MONTHLY.lastComplete(Instant.parse("2026-10-31T23:00:00Z"), BERLIN);

        assertThat(october.from()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
        assertThat(october.to()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    }

    @Test
    void anUnknownFrequencyIsRefused() {
        assertThat(ReportFrequency.named("weekly")).isEqualTo(ReportFrequency.WEEKLY);
        assertThatThrownBy(() -> ReportFrequency.named("hourly")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("DAILY, WEEKLY or MONTHLY");
    }
}
