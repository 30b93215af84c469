package io.fleetmesh.api.commands;

import static io.fleetmesh.api.commands.CommandLifecycle.Outcome.APPLIED;
import static io.fleetmesh.api.commands.CommandLifecycle.Outcome.REFUSED;
import static io.fleetmesh.api.commands.CommandLifecycle.Outcome.UNCHANGED;
import static io.fleetmesh.api.commands.CommandSource.CLOUD;
import static io.fleetmesh.api.commands.CommandSource.TRUCK;
import static io.fleetmesh.api.commands.CommandState.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLifecycleTest {

    @Test
    void theCloudMovesACommandOnlyUntilTheTruckHasIt() {
        assertThat(CommandLifecycle.check(QUEUED, CLOUD, SENT, CLOUD)).isEqualTo(APPLIED);
        assertThat(CommandLifecycle.check(SENT, CLOUD, CANCELLED, CLOUD)).isEqualTo(APPLIED);
        assertThat(CommandLifecycle.check(SENT, CLOUD, EXPIRED, CLOUD)).isEqualTo(APPLIED);
        assertThat(CommandLifecycle.check(DELIVERED, TRUCK, CANCELLED, CLOUD)).isEqualTo(REFUSED);
        assertThat(CommandLifecycle.check(DELIVERED, TRUCK, EXPIRED, CLOUD)).isEqualTo(REFUSED);
        assertThat(CommandLifecycle.check(SENT, CLOUD, QUEUED, CLOUD)).isEqualTo(REFUSED);
        assertThat(CommandLifecycle.check(QUEUED, CLOUD, SUCCEEDED, CLOUD)).isEqualTo(REFUSED);
    }

    @Test
    void theTruckReportsWhatItDidInItsOrder() {
        assertThat(CommandLifecycle.check(SENT, CLOUD, DELIVERED, TRUCK)).isEqualTo(APPLIED);
        assertThat(CommandLifecycle.check(QUEUED, CLOUD, DELIVERED, TRUCK)).isEqualTo(APPLIED);
        assertThat(CommandLifecycle.check(DELIVERED, TRUCK, SUCCEEDED, TRUCK)).isEqualTo(APPLIED);
        assertThat(CommandLifecycle.check(DELIVERED, TRUCK, REJECTED, TRUCK)).isEqualTo(APPLIED);
        assertThat(CommandLifecycle.check(SUCCEEDED, TRUCK, DELIVERED, TRUCK)).isEqualTo(REFUSED);
        assertThat(CommandLifecycle.check(SUCCEEDED, TRUCK, FAILED, TRUCK)).isEqualTo(REFUSED);
        assertThat(CommandLifecycle.check(SENT, CLOUD, CANCELLED, TRUCK)).isEqualTo(REFUSED);
        assertThat(CommandLifecycle.check(SENT, CLOUD, SENT, TRUCK)).isEqualTo(UNCHANGED);
    }

    @Test
    void aRepeatedReportChangesNothing() {
        assertThat(CommandLifecycle.check(DELIVERED, TRUCK, DELIVERED, TRUCK)).isEqualTo(UNCHANGED);
        assertThat(CommandLifecycle.check(SUCCEEDED, TRUCK, SUCCEEDED, TRUCK)).isEqualTo(UNCHANGED);
    }

    @Test
    void aTrucksReportOverridesTheCloudsPresumptionButNotItsOwnFinalWord() {
        assertThat(CommandLifecycle.check(EXPIRED, CLOUD, SUCCEEDED, TRUCK)).isEqualTo(APPLIED);
        assertThat(CommandLifecycle.check(CANCELLED, CLOUD, DELIVERED, TRUCK)).isEqualTo(APPLIED);
        assertThat(CommandLifecycle.check(EXPIRED, TRUCK, SUCCEEDED, TRUCK)).isEqualTo(REFUSED);
        assertThat(CommandLifecycle.check(CANCELLED, CLOUD, SENT, CLOUD)).isEqualTo(REFUSED);
    }
}
