package io.fleetmesh.api.trips;

/**
 * A device's counters now: its odometer (metres) and engine hours, each the vehicle's own when it sends one
 * ({@code source} VEHICLE), else counted from its readings (COMPUTED), plus what an operator set them to.
 */
public record Odometer(String deviceId, double odometerMeters, double engineHours, Source odometerSource,
                       Source engineHoursSource) {

    public enum Source { VEHICLE, COMPUTED }
}
