package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.refusals.Conflict;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A rollout of one package version; its status changes only as the methods below allow. */
record Rollout(UUID id, UUID tenantId, String name, String packageName, String packageVersion, String packageKind,
               RolloutPlan plan, RolloutStatus status, String createdBy, Instant startedAt, Instant endedAt) {

    Rollout paused() {
        require(status == RolloutStatus.RUNNING, "Only a running rollout can be paused.");
        return with(RolloutStatus.PAUSED, null);
    }

    Rollout resumed() {
        require(status == RolloutStatus.PAUSED, "Only a paused rollout can be resumed.");
        return with(RolloutStatus.RUNNING, null);
    }

    Rollout cancelled(Instant at) {
        require(!status.over(), "This rollout is over already.");
        return with(RolloutStatus.CANCELLED, at);
    }

    Rollout ended(RolloutStatus end, Instant at) {
        return with(end, at);
    }

    /** When the trucks it has not reached are skipped: its start plus the plan's deadline. */
    Instant deadline() {
        return startedAt.plus(plan.deadline());
    }

    private Rollout with(RolloutStatus next, Instant ended) {
        return new Rollout(id, tenantId, name, packageName, packageVersion, packageKind, plan, next, createdBy, startedAt,
                ended);
    }

    private void require(boolean holds, String detail) {
        if (!holds) {
            throw new Conflict("Not now", detail, Map.of("status", status.name()));
        }
    }
}
