package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.OtaReport;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import java.time.Instant;

/**
 * A rollout's progress on this truck into the outbox ({@code fleet.<device>.events.ota}): stored on the leaf when
 * {@link #send} returns, synced in order and exactly once like every event. The cloud takes a repeat as no change.
 */
final class OtaReports {

    private static final int MAX_REASON = 400;

    private final Connection local;
    private final String deviceId;

    OtaReports(Connection local, String deviceId) {
        this.local = local;
        this.deviceId = deviceId;
    }

    void send(String rollout, String state, Long bytes, String reason) throws Exception {
        String why = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        local.jetStream().publish(Subjects.otaEvents(deviceId), new OtaReport(rollout, state, Instant.now(), bytes, why)
                .toJson());
    }
}
