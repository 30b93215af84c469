package io.fleetmesh.api.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A maintenance schedule as the API shows it. */
record ScheduleView(UUID id, String name, String device, String tag, Double everyKm, Double everyEngineHours,
                    Integer everyDays, LocalDate onDate, int soonPercent, String createdBy, Instant createdAt) {

    MaintenanceInterval interval() {
        return new MaintenanceInterval(everyKm, everyEngineHours, everyDays, onDate, soonPercent);
    }

    boolean appliesTo(String deviceId, java.util.List<String> tags) {
        return device == null && tag == null || deviceId.equals(device) || tag != null && tags.contains(tag);
    }
}
