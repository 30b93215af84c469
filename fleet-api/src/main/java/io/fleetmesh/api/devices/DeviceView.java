package io.fleetmesh.api.devices;

import java.time.Instant;
import java.util.List;

/** A device as the API shows it. */
public record DeviceView(String id, String name, String kind, List<String> tags, String credentialsState,
                         Instant credentialsChangedAt, Instant createdAt, Instant updatedAt) {
}
