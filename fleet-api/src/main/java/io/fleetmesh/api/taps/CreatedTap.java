package io.fleetmesh.api.taps;

/**
 * A new tap and what a reader needs: {@code credentials}, a {@code .creds} file shown this once (null on an open
 * hub, which has none), and how to read it: pull from {@code consumer} on {@code stream} with replies on
 * {@code inboxPrefix}, the only inbox its credentials may subscribe to.
 */
record CreatedTap(TapView tap, String credentials, Connect connect) {

    record Connect(String stream, String consumer, String inboxPrefix) {
    }
}
