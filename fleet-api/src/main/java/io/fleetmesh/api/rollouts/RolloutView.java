package io.fleetmesh.api.rollouts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A rollout as the API shows it, with how many trucks stand in each state, overall and per wave. */
public record RolloutView(UUID id, String name, String packageName, String packageVersion, String status,
                          RolloutPlan plan, int trucks, Map<String, Integer> states, List<Map<String, Integer>> waves,
                          String createdBy, Instant startedAt, Instant endedAt) {
}
