package io.fleetmesh.api.maintenance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happened to maintenance: for notifications. */
public final class MaintenanceEvents {

    private MaintenanceEvents() {
    }

    /**
     * A device became due soon or overdue against a schedule; {@code since} is the service (or baseline) it is
     * counted from, so each cycle is told once.
     */
    public record MaintenanceBecameDue(UUID tenantId, UUID scheduleId, String schedule, String deviceId,
                                       MaintenanceState state, LocalDate since, Instant at) {
    }
}
