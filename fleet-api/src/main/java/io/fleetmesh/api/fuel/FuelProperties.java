package io.fleetmesh.api.fuel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fuel levels are read ({@code fleetmesh.fuel.*}); levels in percent of the tank, so one setting fits every
 * tank size.
 *
 * @param refuelPercent a rise at least this big while parked is a refuel
 * @param drainPercent  a fall at least this big while parked is a drain
 * @param noisePercent  the filtered level moving less than this is noise (sloshing, the sensor's own jitter)
 * @param window        a change must happen within this; slower ones are consumption (a reefer idling) or drift
 * @param settle        the new level must hold this long before the change counts (a glitch returns before it)
 * @param medianOf      readings in the running median that filters single wild readings out
 * @param movingKmh     faster than this the vehicle drives, and its level is only consumption
 * @param poll          how often devices with fuel settings are read on
 */
@ConfigurationProperties("fleetmesh.fuel")
record FuelProperties(@DefaultValue("10") double refuelPercent, @DefaultValue("5") double drainPercent,
                      @DefaultValue("2") double noisePercent, @DefaultValue("30m") Duration window,
                      @DefaultValue("2m") Duration settle, @DefaultValue("5") int medianOf,
                      @DefaultValue("5") double movingKmh, @DefaultValue("5s") Duration poll) {

    /** The thresholds in litres for a tank of this size. */
    FuelThresholds forTank(double tankLitres) {
        return new FuelThresholds(refuelPercent * tankLitres / 100, drainPercent * tankLitres / 100,
                noisePercent * tankLitres / 100, window, settle, medianOf, movingKmh);
    }
}
