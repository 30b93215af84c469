package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.telemetry.Rejection.Cause;
import io.nats.client.impl.Headers;
import java.time.Instant;

/**
 * One message of the bad-message flood, with what the application must make of it: a good reading to store
 * ({@code reading} set), a bad message to quarantine with {@code cause} and a reason containing {@code detail}, or
 * (neither set) one the hub itself must refuse.
 */
record FloodMessage(String kind, String subject, Headers headers, byte[] payload, Cause cause, String detail,
                    GoodReading reading) {

    static final String GOOD = "GOOD";

    /** The generator names the kind once it is made ({@link #ofKind}). */
    static FloodMessage bad(String subject, Headers headers, byte[] payload, Cause cause, String detail) {
        return new FloodMessage(null, subject, headers, payload, cause, detail, null);
    }

    static FloodMessage refused(String subject, byte[] payload) {
        return new FloodMessage(null, subject, null, payload, null, null, null);
    }

    FloodMessage ofKind(String name) {
        return new FloodMessage(name, subject, headers, payload, cause, detail, reading);
    }

    boolean good() {
        return reading != null;
    }

    boolean refusedByHub() {
        return reading == null && cause == null;
    }

    /** The decoder checks the size before anything else, so any kind of bad message that is too big is OVERSIZE. */
    FloodMessage oversizeBeyond(int maxPayloadBytes) {
        return payload.length > maxPayloadBytes && cause != null
                ? new FloodMessage(kind, subject, headers, payload, Cause.OVERSIZE, "exceeds " + maxPayloadBytes, null) : this;
    }

    /**
     * What a good reading must be stored as: {@code n} is also its metric "n", which identifies it among the rows;
     * {@code epoch}/{@code seq} are its own identity headers, or null when it takes the stream's identity.
     */
    record GoodReading(int n, String device, String channel, Instant ts, Long epoch, Long seq) {
    }
}
