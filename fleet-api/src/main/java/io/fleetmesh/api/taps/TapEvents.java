package io.fleetmesh.api.taps;

import java.util.UUID;

/** What happened to taps: for the audit log. */
public final class TapEvents {

    private TapEvents() {
    }

    /** {@code change}: created, paused, resumed, reset, credentials-issued or deleted; {@code detail}: what it was. */
    public record TapChanged(UUID tenantId, String tap, String change, String detail, String by) {
    }
}
