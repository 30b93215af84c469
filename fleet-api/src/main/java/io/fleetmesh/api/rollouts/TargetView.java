package io.fleetmesh.api.rollouts;

import java.time.Instant;

/** One truck of a rollout: its wave, where it stands, bytes downloaded, why it failed. */
public record TargetView(String deviceId, int wave, String state, Long bytes, String reason, Instant releasedAt,
                         Instant updatedAt) {
}
