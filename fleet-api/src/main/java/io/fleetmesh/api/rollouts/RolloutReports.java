package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.mesh.EventSubscriptions;
import io.fleetmesh.api.telemetry.Quarantine;
import io.fleetmesh.protocol.OtaReport;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Message;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Trucks' reports on their packages ({@code fleet.<dev>.events.ota}) applied to their rollouts: a malformed one, or
 * one about a rollout the truck is not in, is quarantined; a late or repeated one changes nothing.
 */
@Component
class RolloutReports {

    private final Rollouts rollouts;
    private final Quarantine quarantine;

    RolloutReports(EventSubscriptions subscriptions, Rollouts rollouts, Quarantine quarantine) {
        this.rollouts = rollouts;
        this.quarantine = quarantine;
        subscriptions.register("ota-reports", Subjects.ALL_OTA_EVENTS, this::onReport);
    }

    private void onReport(UUID tenant, Message message) {
        OtaReport report;
        try {
            report = OtaReport.parse(message.getData());
        } catch (IllegalArgumentException refused) {
            quarantine.refused(tenant, message, refused.getMessage());
            return;
        }
        String device = Subjects.deviceOf(message.getSubject());
        TargetState state = TargetState.valueOf(report.state().toUpperCase(Locale.ROOT));
        if (!rollouts.report(tenant, UUID.fromString(report.rollout()), device, state, report.bytes(), report.reason())
                && !rollouts.includes(tenant, UUID.fromString(report.rollout()), device)) {
            quarantine.refused(tenant, message, "device " + device + " is in no rollout " + report.rollout());
        }
    }
}
