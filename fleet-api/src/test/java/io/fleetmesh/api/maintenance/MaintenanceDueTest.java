package io.fleetmesh.api.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When a service is due, given the counters at the last one and now: by km, engine hours, days or a fixed date. */
class MaintenanceDueTest {

    private static final LocalDate SERVICED = LocalDate.of(2026, 6, 1);
    private static final ServicePoint LAST = new ServicePoint(SERVICED, 150_000, 4_000, false);

    @Test
    void everyThirtyThousandKilometresIsOkThenDueSoonThenOverdue() {
        MaintenanceInterval oil = new MaintenanceInterval(30_000.0, null, null, null, 10);
        assertThat(due(oil, 160_000, 4_100, SERVICED.plusDays(30))).extracting(MaintenanceDue::state, MaintenanceDue::kmLeft)
                .containsExactly(MaintenanceState.OK, 20_000.0);
        assertThat(due(oil, 177_500, 4_100, SERVICED.plusDays(60)).state()).isEqualTo(MaintenanceState.DUE_SOON);
        assertThat(due(oil, 180_000, 4_100, SERVICED.plusDays(60)).state()).isEqualTo(MaintenanceState.DUE_SOON);
        assertThat(due(oil, 180_500, 4_100, SERVICED.plusDays(60))).extracting(MaintenanceDue::state, MaintenanceDue::kmLeft)
                .containsExactly(MaintenanceState.OVERDUE, -500.0);
    }

    @Test
    void engineHoursOrDaysWhicheverComesFirst() {
        MaintenanceInterval reefer = new MaintenanceInterval(null, 500.0, 180, null, 10);
        MaintenanceDue byHours = due(reefer, 150_000, 4_460, SERVICED.plusDays(20));
        assertThat(byHours.state()).isEqualTo(MaintenanceState.DUE_SOON);
        assertThat(byHours.engineHoursLeft()).isEqualTo(40.0);
        assertThat(byHours.dueDate()).isEqualTo(SERVICED.plusDays(180));
        MaintenanceDue byDays = due(reefer, 150_000, 4_100, SERVICED.plusDays(181));
        assertThat(byDays).extracting(MaintenanceDue::state, MaintenanceDue::daysLeft).containsExactly(MaintenanceState.OVERDUE, -1L);
        // 10 % of 180 days: due soon 18 days before
        assertThat(due(reefer, 150_000, 4_100, SERVICED.plusDays(161)).state()).isEqualTo(MaintenanceState.OK);
        assertThat(due(reefer, 150_000, 4_100, SERVICED.plusDays(162)).state()).isEqualTo(MaintenanceState.DUE_SOON);
    }

    @Test
    void aFixedDateIsDueSoonAWeekBeforeOverdueAfterAndDoneOnceServiced() {
        LocalDate inspection = LocalDate.of(2026, 9, 30);
        MaintenanceInterval tuv = new MaintenanceInterval(null, null, null, inspection, 10);
        assertThat(due(tuv, 150_000, 4_000, inspection.minusDays(8)).state()).isEqualTo(MaintenanceState.OK);
        assertThat(due(tuv, 150_000, 4_000, inspection.minusDays(7)).state()).isEqualTo(MaintenanceState.DUE_SOON);
        assertThat(due(tuv, 150_000, 4_000, inspection.plusDays(1)).state()).isEqualTo(MaintenanceState.OVERDUE);
        ServicePoint inspected = new ServicePoint(inspection.minusDays(2), 151_000, 4_050);
        assertThat(MaintenanceDue.of(tuv, inspected, new ServicePoint(inspection.plusDays(3), 151_100, 4_051)).state())
                .isEqualTo(MaintenanceState.DONE);
    }

    @Test
    void aServiceResetsTheCount() {
        MaintenanceInterval oil = new MaintenanceInterval(30_000.0, null, null, null, 10);
        ServicePoint serviced = new ServicePoint(SERVICED.plusDays(90), 181_000, 4_300);
        MaintenanceDue after = MaintenanceDue.of(oil, serviced, new ServicePoint(SERVICED.plusDays(91), 181_200, 4_301));
        assertThat(after).extracting(MaintenanceDue::state, MaintenanceDue::kmLeft).containsExactly(MaintenanceState.OK, 29_800.0);
    }

    private static MaintenanceDue due(MaintenanceInterval interval, double km, double hours, LocalDate today) {
        return MaintenanceDue.of(interval, LAST, new ServicePoint(today, km, hours));
    }
}
