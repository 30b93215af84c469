package io.fleetmesh.api.telemetry;

/** Control flow for a message that goes to quarantine: thrown while checking it, caught where it is handled. */
final class Refused extends RuntimeException {

    final Rejection.Cause cause;

    Refused(Rejection.Cause cause, String reason) {
        super(reason, null, false, false);
        this.cause = cause;
    }
}
