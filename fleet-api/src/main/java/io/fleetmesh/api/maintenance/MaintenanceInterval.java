package io.fleetmesh.api.maintenance;

import java.time.LocalDate;

/**
 * When a service is due: every {@code everyKm} kilometres, every {@code everyEngineHours}, every {@code everyDays}
 * after the last one, and/or once on a fixed date ({@code onDate}); whichever comes first. Null: not by that counter.
 * Due soon within {@code soonPercent} of an interval (and 7 days before a fixed date).
 */
record MaintenanceInterval(Double everyKm, Double everyEngineHours, Integer everyDays, LocalDate onDate, int soonPercent) {

    /** Only a fixed date: one service completes it. */
    boolean oneOff() {
        return everyKm == null && everyEngineHours == null && everyDays == null;
    }

    boolean empty() {
        return everyKm == null && everyEngineHours == null && everyDays == null && onDate == null;
    }
}
