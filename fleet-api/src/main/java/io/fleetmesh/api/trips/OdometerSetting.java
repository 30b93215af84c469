package io.fleetmesh.api.trips;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** What an operator reads off the vehicle (after fitting a gateway to a used truck); a missing one is left as it is. */
public record OdometerSetting(@DecimalMin("0") @DecimalMax("100000000000") Double odometerMeters,
                             @DecimalMin("0") @DecimalMax("10000000") Double engineHours) {
}
