package io.fleetmesh.api.rollouts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A rollout with its trucks counted by state, overall and per wave, for the API and the dashboard. */
final class RolloutViews {

    private RolloutViews() {
    }

    static RolloutView of(Rollout rollout, List<RolloutGate.Target> targets) {
        List<Map<String, Integer>> waves = new ArrayList<>();
        targets.forEach(target -> {
            while (waves.size() <= target.wave()) {
                waves.add(new TreeMap<>());
            }
            waves.get(target.wave()).merge(target.state().name(), 1, Integer::sum);
        });
        Map<String, Integer> states = new TreeMap<>();
        targets.forEach(target -> states.merge(target.state().name(), 1, Integer::sum));
        return new RolloutView(rollout.id(), rollout.name(), rollout.packageName(), rollout.packageVersion(),
                rollout.status().name(), rollout.plan(), targets.size(), states, waves, rollout.createdBy(),
                rollout.startedAt(), rollout.endedAt());
    }
}
