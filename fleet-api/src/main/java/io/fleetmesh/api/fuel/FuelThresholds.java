package io.fleetmesh.api.fuel;

import java.time.Duration;

/** {@link FuelProperties} in litres for one tank: what the detector decides with. */
record FuelThresholds(double refuelLitres, double drainLitres, double noiseLitres, Duration window, Duration settle,
                      int medianOf, double movingKmh) {
}
