package io.fleetmesh.api.trips;

/**
 * Why a reading was left out of trips and odometers, or (SPEED) why its reported speed was not believed and the
 * speed between fixes used instead; each is counted.
 */
enum Skip {
    NO_POSITION, OUT_OF_RANGE, INACCURATE, BACKWARDS, TOO_FREQUENT, JUMP, SPEED
}
