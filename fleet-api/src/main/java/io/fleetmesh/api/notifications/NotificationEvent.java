package io.fleetmesh.api.notifications;

import io.fleetmesh.api.refusals.InvalidInput;
import java.util.Arrays;
import java.util.Map;

/** What a rule can ask to be told of, by the names the API uses. */
public enum NotificationEvent {
    ALERT("alert"), GEOFENCE("geofence"), OFFLINE("offline"), COMMAND_FAILED("command-failed"), MAINTENANCE("maintenance"),
    FUEL_DRAIN("fuel-drain"), TRIP_OUTSIDE_HOURS("trip-outside-hours");

    private final String apiName;

    NotificationEvent(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    static NotificationEvent named(String name) {
        return Arrays.stream(values()).filter(e -> e.apiName.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInput("Unknown event", "events may be alert, geofence, offline,"
                        + " command-failed, maintenance, fuel-drain and trip-outside-hours.", Map.of("event", String.valueOf(name))));
    }
}
