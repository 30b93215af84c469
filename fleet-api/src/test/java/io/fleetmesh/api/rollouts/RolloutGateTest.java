package io.fleetmesh.api.rollouts;

import static io.fleetmesh.api.rollouts.TargetState.FAILED;
import static io.fleetmesh.api.rollouts.TargetState.PENDING;
import static io.fleetmesh.api.rollouts.TargetState.SUCCEEDED;
import static io.fleetmesh.api.rollouts.TargetState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.api.rollouts.RolloutGate.Step;
import io.fleetmesh.api.rollouts.RolloutGate.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolloutGateTest {

    private static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    private static final RolloutPlan PLAN = new RolloutPlan(1, List.of(10, 100), 90, null, 20, 60, Duration.ofDays(1));

    @Test
    void fiftyTrucksGoOutAsOneCanaryThenUpToTenPercentThenTheRest() {
        List<List<String>> waves = PLAN.waves(trucks(50));
        assertThat(waves).extracting(List::size).containsExactly(1, 4, 45);
        assertThat(waves.get(0)).containsExactly("t00");
        assertThat(new RolloutPlan(0, List.of(100), 90, null, null, 60, Duration.ofDays(1)).waves(trucks(3)))
                .containsExactly(trucks(3));
        assertThat(PLAN.waves(trucks(1))).containsExactly(List.of("t00"));
    }

    @Test
    void theNextWaveWaitsForTheCanaryAndOpensOnceItSucceeded() {
        List<Target> targets = targets(PLAN.waves(trucks(20)));
        Step first = step(targets, 0);
        assertThat(first.release()).containsExactly("t00");

        set(targets, "t00", PENDING);
        assertThat(step(targets, 0).release()).as("the canary has not finished").isEmpty();
        set(targets, "t00", SUCCEEDED);
        assertThat(step(targets, 0).release()).containsExactly("t01");
    }

    @Test
    void anOfflineTruckDoesNotHoldUpTheNextWaveOnceEnoughSucceeded() {
        RolloutPlan plan = new RolloutPlan(0, List.of(50, 100), 75, null, null, 60, Duration.ofDays(1));
        List<Target> targets = targets(plan.waves(trucks(8)));
        List.of("t00", "t01", "t02").forEach(truck -> set(targets, truck, SUCCEEDED));
        set(targets, "t03", PENDING); // offline: it gets the package when it returns
        Step step = RolloutGate.next(plan, targets, START, START.plusSeconds(60), 0, Set.of());
        assertThat(step.release()).containsExactly("t04", "t05", "t06", "t07");
        assertThat(step.status()).isEqualTo(RolloutStatus.RUNNING);
    }

    @Test
    void releasesStayWithinTheRatePerMinute() {
        RolloutPlan plan = new RolloutPlan(0, List.of(100), 90, null, null, 5, Duration.ofDays(1));
        List<Target> targets = targets(plan.waves(trucks(12)));
        assertThat(RolloutGate.next(plan, targets, START, START, 0, Set.of()).release()).hasSize(5);
        assertThat(RolloutGate.next(plan, targets, START, START, 3, Set.of()).release()).hasSize(2);
        assertThat(RolloutGate.next(plan, targets, START, START, 5, Set.of()).release()).isEmpty();
    }

    @Test
    void theAbortThresholdStopsTheNextWaveAndRollsBackWhatInstalled() {
        RolloutPlan plan = new RolloutPlan(0, List.of(50, 100), 0, 2, null, 60, Duration.ofDays(1));
        List<Target> targets = targets(plan.waves(trucks(6)));
        set(targets, "t00", SUCCEEDED);
        set(targets, "t01", FAILED);
        assertThat(RolloutGate.next(plan, targets, START, START, 0, Set.of()).status()).isEqualTo(RolloutStatus.RUNNING);
        set(targets, "t02", FAILED);
        Step aborted = RolloutGate.next(plan, targets, START, START, 0, Set.of());
        assertThat(aborted.status()).isEqualTo(RolloutStatus.ABORTED);
        assertThat(aborted.release()).isEmpty();
        assertThat(aborted.skip()).containsExactly("t03", "t04", "t05");
        assertThat(aborted.rollBack()).containsExactly("t00");
    }

    @Test
    void aRolloutWhoseLastTruckPassesTheThresholdIsAbortedNotCompleted() {
        RolloutPlan plan = new RolloutPlan(1, List.of(100), 0, 1, null, 60, Duration.ofDays(1));
        List<Target> targets = targets(plan.waves(trucks(2)));
        set(targets, "t00", SUCCEEDED);
        set(targets, "t01", FAILED);
        Step last = RolloutGate.next(plan, targets, START, START, 0, Set.of());
        assertThat(last.status()).isEqualTo(RolloutStatus.ABORTED);
        assertThat(last.rollBack()).containsExactly("t00");
    }

    @Test
    void aFailedCanaryIsAFailureShareOfAHundredPercent() {
        List<Target> targets = targets(PLAN.waves(trucks(20)));
        set(targets, "t00", FAILED);
        assertThat(step(targets, 0).status()).isEqualTo(RolloutStatus.ABORTED);
    }

    @Test
    void pastItsDeadlineTheTrucksNotReachedAreSkippedAndEveryTruckFinishedCompletesIt() {
        List<Target> targets = targets(PLAN.waves(trucks(3)));
        set(targets, "t00", SUCCEEDED);
        Step late = RolloutGate.next(PLAN, targets, START, START.plus(Duration.ofDays(2)), 0, Set.of());
        assertThat(late.status()).isEqualTo(RolloutStatus.EXPIRED);
        assertThat(late.skip()).containsExactly("t01", "t02");

        List.of("t01", "t02").forEach(truck -> set(targets, truck, SUCCEEDED));
        assertThat(step(targets, 0).status()).isEqualTo(RolloutStatus.COMPLETED);
    }

    @Test
    void aTruckAnotherRolloutIsDeliveringToWaitsAndThoseAfterItGoFirst() {
        RolloutPlan plan = new RolloutPlan(0, List.of(100), 90, null, null, 2, Duration.ofDays(1));
        List<Target> targets = targets(plan.waves(trucks(4)));
        assertThat(RolloutGate.next(plan, targets, START, START, 0, Set.of("t00")).release())
                .containsExactly("t01", "t02");
    }

    @Test
    void aTruckThatRolledItselfBackCountsAsAFailure() {
        List<Target> targets = targets(PLAN.waves(trucks(20)));
        set(targets, "t00", TargetState.ROLLED_BACK);
        assertThat(step(targets, 0).status()).isEqualTo(RolloutStatus.ABORTED);
    }

    @Test
    void anEndedRolloutSkipsTheTrucksThatHadNotBegunAndAFinishedOneCompletesEvenLate() {
        List<Target> targets = targets(PLAN.waves(trucks(3)));
        set(targets, "t00", SUCCEEDED);
        set(targets, "t01", PENDING);
        Step late = RolloutGate.next(PLAN, targets, START, START.plus(Duration.ofDays(2)), 0, Set.of());
        assertThat(late.skip()).containsExactly("t01", "t02");
        List.of("t01", "t02").forEach(truck -> set(targets, truck, SUCCEEDED));
        assertThat(RolloutGate.next(PLAN, targets, START, START.plus(Duration.ofDays(2)), 0, Set.of()).status())
                .isEqualTo(RolloutStatus.COMPLETED);
    }

    @Test
    void aPlanThatMakesNoSenseIsRefused() {
        assertThatThrownBy(() -> new RolloutPlan(1, List.of(50, 40), 90, null, null, 60, Duration.ofDays(1)).checked())
                .isInstanceOf(InvalidInput.class).hasMessageContaining("percents rise");
        assertThatThrownBy(() -> new RolloutPlan(1, List.of(50), 90, null, null, 60, Duration.ofDays(1)).checked())
                .hasMessageContaining("percents rise");
        assertThatThrownBy(() -> new RolloutPlan(1, List.of(100), 90, 0, null, 60, Duration.ofDays(1)).checked())
                .hasMessageContaining("abortFailures");
        assertThat(RolloutPlan.DEFAULT.checked()).isEqualTo(RolloutPlan.DEFAULT);
    }

    private static Step step(List<Target> targets, int releasedThisMinute) {
        return RolloutGate.next(PLAN, targets, START, START.plusSeconds(30), releasedThisMinute, Set.of());
    }

    private static List<String> trucks(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t%02d".formatted(i)).toList();
    }

    private static List<Target> targets(List<List<String>> waves) {
        List<Target> targets = new ArrayList<>();
        for (int wave = 0; wave < waves.size(); wave++) {
            for (String truck : waves.get(wave)) {
                targets.add(new Target(truck, wave, WAITING));
            }
        }
        return targets;
    }

    private static void set(List<Target> targets, String truck, TargetState state) {
        targets.replaceAll(target -> target.deviceId().equals(truck) ? new Target(truck, target.wave(), state) : target);
    }
}
