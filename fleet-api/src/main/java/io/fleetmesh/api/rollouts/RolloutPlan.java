package io.fleetmesh.api.rollouts;

import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.protocol.CommandMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a package goes out: first {@code canary} trucks, then waves up to each of {@code percents} of the trucks (the
 * last is always 100); a wave is released once {@code successPercent} of the trucks released so far succeeded; at
 * most {@code perMinute} trucks are released a minute; {@code abortFailures} failed trucks, or {@code abortPercent}
 * of those finished, stop it; {@code deadline} after its start, the trucks it has not reached are skipped.
 */
public record RolloutPlan(int canary, List<Integer> percents, int successPercent, Integer abortFailures,
                          Integer abortPercent, int perMinute, Duration deadline, List<String> installWhen) {

    public static final RolloutPlan DEFAULT = new RolloutPlan(1, List.of(10, 100), 90, null, 20, 60, Duration.ofDays(14));

    /** {@code installWhen}: preconditions the truck waits for before it installs (none: at once); older plans lack it. */
    public RolloutPlan {
        installWhen = installWhen == null ? List.of() : List.copyOf(installWhen);
    }

    public RolloutPlan(int canary, List<Integer> percents, int successPercent, Integer abortFailures, Integer abortPercent,
                       int perMinute, Duration deadline) {
        this(canary, percents, successPercent, abortFailures, abortPercent, perMinute, deadline, List.of());
    }

    /** This plan, if it makes sense; else a refusal naming what does not. */
    RolloutPlan checked() {
        require(canary >= 0 && canary <= 1000, "canary", "canary is 0 to 1,000 trucks");
        require(!percents.isEmpty() && percents.size() <= 10 && increasing(), "percents",
                "percents rise from 1 to 100 in at most 10 steps, e.g. [10, 50, 100]");
        require(successPercent >= 0 && successPercent <= 100, "successPercent", "successPercent is 0 to 100");
        require(abortFailures == null || abortFailures >= 1, "abortFailures", "abortFailures is at least 1");
        require(abortPercent == null || abortPercent >= 1 && abortPercent <= 100, "abortPercent", "abortPercent is 1 to 100");
        require(perMinute >= 1 && perMinute <= 10_000, "perMinute", "perMinute is 1 to 10,000");
        require(!deadline.isNegative() && !deadline.isZero() && deadline.compareTo(Duration.ofDays(366)) <= 0, "deadline",
                "the deadline is a duration up to a year, e.g. P14D");
        require(installWhen.size() <= 10
                        && installWhen.stream().allMatch(c -> c != null && c.matches(CommandMessage.PRECONDITION)),
                "installWhen", "installWhen is up to 10 conditions '<channel>.<metric> <op> <number>', e.g. gps.speed <= 0");
        return this;
    }

    /** The trucks in waves, in the order given: the canaries, then each percentage's cumulative share. */
    List<List<String>> waves(List<String> devices) {
        List<List<String>> waves = new ArrayList<>();
        int from = Math.min(canary, devices.size());
        if (from > 0) {
            waves.add(List.copyOf(devices.subList(0, from)));
        }
        for (int percent : percents) {
            int to = Math.max(from, (int) Math.ceil(devices.size() * percent / 100.0));
            if (to > from) {
                waves.add(List.copyOf(devices.subList(from, to)));
                from = to;
            }
        }
        return waves;
    }

    private boolean increasing() {
        for (int i = 0; i < percents.size(); i++) {
            if (percents.get(i) < 1 || percents.get(i) > 100 || i > 0 && percents.get(i) <= percents.get(i - 1)) {
                return false;
            }
        }
        return percents.get(percents.size() - 1) == 100;
    }

    private static void require(boolean holds, String field, String detail) {
        if (!holds) {
            throw new InvalidInput("Invalid rollout plan", detail + ".", Map.of("field", field));
        }
    }
}
