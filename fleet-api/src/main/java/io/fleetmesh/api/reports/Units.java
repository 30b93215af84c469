package io.fleetmesh.api.reports;

import io.fleetmesh.api.refusals.InvalidInput;
import java.util.Map;

/** How exports show distances and speeds; JSON always gives metres and km/h. */
public enum Units {
    METRIC("km", "km/h", 1000), IMPERIAL("mi", "mph", 1609.344);

    private final String distance;
    private final String speed;
    private final double metersPerUnit;

    Units(String distance, String speed, double metersPerUnit) {
        this.distance = distance;
        this.speed = speed;
        this.metersPerUnit = metersPerUnit;
    }

    public static Units named(String name) {
        for (Units units : values()) {
            if (units.name().equalsIgnoreCase(name)) {
                return units;
            }
        }
        throw new InvalidInput("Unknown units", "units must be metric or imperial.", Map.of("units", name));
    }

    String distanceUnit() {
        return distance;
    }

    String speedUnit() {
        return speed;
    }

    double distance(double meters) {
        return meters / metersPerUnit;
    }

    double speed(double kmh) {
        return kmh * 1000 / metersPerUnit;
    }
}
