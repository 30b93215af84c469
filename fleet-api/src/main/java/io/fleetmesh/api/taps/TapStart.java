package io.fleetmesh.api.taps;

import java.time.Instant;

/** Where a tap's consumer starts reading its stream: the next message, all of it, a sequence or a time. */
record TapStart(Kind kind, long sequence, Instant time) {

    enum Kind { NEW, ALL, SEQUENCE, TIME }

    static TapStart next() {
        return new TapStart(Kind.NEW, 0, null);
    }

    static TapStart all() {
        return new TapStart(Kind.ALL, 0, null);
    }

    static TapStart sequence(long sequence) {
        return new TapStart(Kind.SEQUENCE, sequence, null);
    }

    static TapStart time(Instant time) {
        return new TapStart(Kind.TIME, 0, time);
    }
}
