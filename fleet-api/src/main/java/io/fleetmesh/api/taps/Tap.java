package io.fleetmesh.api.taps;

import io.fleetmesh.api.mesh.HubStreams;
import java.time.Instant;
import java.util.UUID;

/** A tap as stored: its settings, whether it is paused, and the acknowledgement floor last seen on the hub. */
record Tap(UUID tenant, String name, TapSettings settings, Instant pausedAt, long ackFloor, String createdBy,
           Instant createdAt) {

    String consumer() {
        return HubStreams.tapConsumer(name);
    }

    String stream() {
        return settings.source().stream();
    }

    boolean paused() {
        return pausedAt != null;
    }
}
