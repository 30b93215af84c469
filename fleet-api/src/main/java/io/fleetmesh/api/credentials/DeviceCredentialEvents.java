package io.fleetmesh.api.credentials;

import java.util.UUID;

/** What happened to devices' NATS credentials (audit log). */
public final class DeviceCredentialEvents {

    private DeviceCredentialEvents() {
    }

    public record Issued(UUID tenantId, String deviceId, String userKey, String by) {
    }

    public record Revoked(UUID tenantId, String deviceId, int keys, String by) {
    }
}
