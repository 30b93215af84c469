package io.fleetmesh.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.api.refusals.InvalidInput;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void withoutBoundsItIsTheLastDay() {
        assertThat(Period.of(null, null, NOW)).isEqualTo(new Period(Instant.parse("2026-12-05T10:00:00Z"), NOW));
    }

    @Test
    void itsDaysAreCountedInTheOperatorsZoneAndItsEndIsExclusive() {
        Period week = Period.of(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-04T00:00:00Z"), NOW);

        assertThat(week.days(ZoneId.of("UTC"))).isEqualTo("2026-12-01-2026-12-03");
        assertThat(week.days(ZoneId.of("America/New_York"))).isEqualTo("2026-11-30-2026-12-03");
        assertThat(Period.of(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"), NOW)
                .days(ZoneId.of("UTC"))).isEqualTo("2026-12-01");
        assertThat(week.covering(ZoneId.of("Europe/Berlin"))).isEqualTo("2026-12-01 01:00 to 2026-12-04 01:00 (Europe/Berlin)");
    }

    @Test
    void moreThanThirtyOneDaysOrAnEndBeforeTheStartIsRefused() {
        assertThatThrownBy(() -> Period.of(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"), NOW))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("31 days");
        assertThatThrownBy(() -> Period.of(NOW, NOW, NOW)).isInstanceOf(InvalidInput.class);
        assertThat(Period.of(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), NOW)).isNotNull();
    }
}
