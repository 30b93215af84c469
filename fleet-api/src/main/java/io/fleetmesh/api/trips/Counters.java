package io.fleetmesh.api.trips;

/**
 * A device's running totals: metres travelled and engine seconds as computed from its readings, and the vehicle's
 * own odometer (metres) and engine hours when it sends them. Its odometer is the vehicle's where there is one.
 */
record Counters(double travelledM, double engineSeconds, Double vehicleOdometerM, Double vehicleEngineHours) {

    static final Counters ZERO = new Counters(0, 0, null, null);

    double odometerM() {
        return vehicleOdometerM != null ? vehicleOdometerM : travelledM;
    }

    double engineHours() {
        return vehicleEngineHours != null ? vehicleEngineHours : engineSeconds / 3600;
    }

    Counters travelled(double meters) {
        return new Counters(travelledM + meters, engineSeconds, vehicleOdometerM, vehicleEngineHours);
    }

    Counters ran(double seconds) {
        return new Counters(travelledM, engineSeconds + seconds, vehicleOdometerM, vehicleEngineHours);
    }

    /** The vehicle's counters as it reports them; a missing one keeps the last. */
    Counters reported(Double odometerKm, Double engineHours) {
        Double odometerM = odometerKm == null ? vehicleOdometerM : Double.valueOf(odometerKm * 1000);
        return new Counters(travelledM, engineSeconds, odometerM, engineHours == null ? vehicleEngineHours : engineHours);
    }
}
