package io.fleetmesh.api.maintenance;

import java.time.LocalDate;

/**
 * Where a device stands against a schedule: its state, and what is left before the next service on each counter
 * (null where the schedule does not count it; negative: overdue by that much).
 */
record MaintenanceDue(MaintenanceState state, Double kmLeft, Double engineHoursLeft, Long daysLeft, LocalDate dueDate) {

    /** Pure: the next service after {@code last}, given the counters {@code now}; a one-off date is done once serviced. */
    static MaintenanceDue of(MaintenanceInterval interval, ServicePoint last, ServicePoint now) {
        if (interval.onDate() != null && interval.oneOff() && last.service()) {
            return new MaintenanceDue(MaintenanceState.DONE, null, null, null, interval.onDate());
        }
        Double km = interval.everyKm() == null ? null : last.odometerKm() + interval.everyKm() - now.odometerKm();
        Double hours = interval.everyEngineHours() == null ? null
                : last.engineHours() + interval.everyEngineHours() - now.engineHours();
        LocalDate due = dueDate(interval, last);
        Long days = due == null ? null : now.date().until(due, java.time.temporal.ChronoUnit.DAYS);
        return new MaintenanceDue(state(interval, km, hours, days), km, hours, days, due);
    }

    private static LocalDate dueDate(MaintenanceInterval interval, ServicePoint last) {
        LocalDate byDays = interval.everyDays() == null ? null : last.date().plusDays(interval.everyDays());
        if (byDays == null || interval.onDate() == null) {
            return byDays == null ? interval.onDate() : byDays;
        }
        return byDays.isBefore(interval.onDate()) ? byDays : interval.onDate();
    }

    private static MaintenanceState state(MaintenanceInterval interval, Double km, Double hours, Long days) {
        if (below(km, 0) || below(hours, 0) || (days != null && days < 0)) {
            return MaintenanceState.OVERDUE;
        }
        double soon = interval.soonPercent() / 100.0;
        boolean soonByKm = km != null && km <= interval.everyKm() * soon;
        boolean soonByHours = hours != null && hours <= interval.everyEngineHours() * soon;
        long dayMargin = interval.everyDays() == null ? 7 : Math.max(1, Math.round(interval.everyDays() * soon));
        boolean soonByDays = days != null && days <= dayMargin;
        return soonByKm || soonByHours || soonByDays ? MaintenanceState.DUE_SOON : MaintenanceState.OK;
    }

    private static boolean below(Double left, double limit) {
        return left != null && left < limit;
    }
}
