package io.fleetmesh.api.notifications;

import io.fleetmesh.api.alerts.AlertEvents.AlertChanged;
import io.fleetmesh.api.alerts.AlertState;
import io.fleetmesh.api.alerts.Severity;
import io.fleetmesh.api.commands.CommandEvents.CommandTransitioned;
import io.fleetmesh.api.commands.CommandState;
import io.fleetmesh.api.fuel.FuelEvents.FuelDrained;
import io.fleetmesh.api.maintenance.MaintenanceEvents.MaintenanceBecameDue;
import io.fleetmesh.api.maintenance.MaintenanceState;
import io.fleetmesh.api.trips.TripEvents.TripStarted;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Which of the platform's events are worth a notification, and what it says. */
final class Notices {

    static final String OFFLINE_RULE = "device-offline";
    private static final Set<CommandState> FAILURES = EnumSet.of(CommandState.FAILED, CommandState.REJECTED,
            CommandState.EXPIRED);

    private Notices() {
    }

    /** A newly raised alert: not a repeat of an open one (its count grows), nor an acknowledgement. */
    static Optional<Notice> of(AlertChanged alert) {
        if (alert.state() != AlertState.ACTIVE || alert.count() != 1) {
            return Optional.empty();
        }
        return Optional.of(new Notice(eventOf(alert.ruleId()), "alert:" + alert.alertId(), alert.deviceId(),
                alert.severity(), alertTitle(alert), "/alerts?device=" + alert.deviceId(), alert.lastRaisedAt()));
    }

    /** A command that failed, was rejected by the truck or expired before it ran. */
    static Optional<Notice> of(CommandTransitioned command) {
        if (!FAILURES.contains(command.state())) {
            return Optional.empty();
        }
        String title = "Command " + command.type() + " " + command.state().name().toLowerCase();
        return Optional.of(new Notice(NotificationEvent.COMMAND_FAILED, "command:" + command.commandId(),
                command.deviceId(), Severity.WARNING, title, "/devices/" + command.deviceId() + "/commands",
                command.at()));
    }

    /** A device due soon (INFO) or overdue (WARNING) for a service. */
    static Notice of(MaintenanceBecameDue due) {
        boolean overdue = due.state() == MaintenanceState.OVERDUE;
        return new Notice(NotificationEvent.MAINTENANCE, "maintenance:%s:%s:%s:%s".formatted(due.scheduleId(),
                due.deviceId(), due.state(), due.since()), due.deviceId(), overdue ? Severity.WARNING : Severity.INFO,
                due.schedule() + (overdue ? " overdue" : " due soon"), "/devices/" + due.deviceId(), due.at());
    }

    /** Fuel that left a parked vehicle's tank: a warning, once per drain (its device and start identify it). */
    static Notice of(FuelDrained drained) {
        String title = "Fuel drain of %d l".formatted(Math.round(drained.litres()));
        return new Notice(NotificationEvent.FUEL_DRAIN, "fuel-drain:%s:%s".formatted(drained.deviceId(),
                drained.startedAt()), drained.deviceId(), Severity.WARNING, title, "/devices/" + drained.deviceId(),
                drained.endedAt());
    }

    /** A trip begun; whether it is outside working hours is each rule's to say ({@link WorkingHours}). */
    static Notice of(TripStarted trip) {
        return new Notice(NotificationEvent.TRIP_OUTSIDE_HOURS, "trip:%s:%s".formatted(trip.deviceId(), trip.startedAt()),
                trip.deviceId(), Severity.WARNING, "Trip started outside working hours", "/devices/" + trip.deviceId(),
                trip.startedAt());
    }

    private static NotificationEvent eventOf(String ruleId) {
        if (ruleId.startsWith("geofence-")) {
            return NotificationEvent.GEOFENCE;
        }
        return ruleId.equals(OFFLINE_RULE) ? NotificationEvent.OFFLINE : NotificationEvent.ALERT;
    }

    private static String alertTitle(AlertChanged alert) {
        String message = alert.message() == null || alert.message().isBlank() ? alert.ruleId() : alert.message();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
