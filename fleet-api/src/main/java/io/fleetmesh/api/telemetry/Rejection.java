package io.fleetmesh.api.telemetry;

/** A message that goes to quarantine, with the reason it was refused. */
record Rejection(String subject, byte[] payload, Cause cause, String reason, long streamSeq) implements Decoded {

    enum Cause { OVERSIZE, MALFORMED, INVALID, UNKNOWN_DEVICE, OUT_OF_WINDOW, DATABASE }
}
