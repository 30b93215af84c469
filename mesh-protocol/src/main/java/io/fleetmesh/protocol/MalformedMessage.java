package io.fleetmesh.protocol;

/** A message that does not have the shape its subject promises; the reason says what is wrong, for the quarantine. */
public class MalformedMessage extends IllegalArgumentException {

    public MalformedMessage(String reason) {
        super(reason);
    }
}
