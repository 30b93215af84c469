package io.fleetmesh.api.telemetry;

/** What the decoder makes of a message: a reading to store or a rejection to quarantine. */
sealed interface Decoded permits Reading, Rejection {
}
