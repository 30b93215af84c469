package io.fleetmesh.edge.sync;

import static io.fleetmesh.edge.sync.OutboxCursor.Step.ALREADY_FORWARDED;
import static io.fleetmesh.edge.sync.OutboxCursor.Step.FORWARD;
import static io.fleetmesh.edge.sync.OutboxCursor.Step.OUT_OF_ORDER;
import static io.fleetmesh.edge.sync.OutboxCursor.Step.REPEATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class OutboxCursorTest {

    private static final LongSupplier NOTHING_DISCARDED = () -> 1;

    @Test
    void forwardsInOrderFromWhereTheHubStands() {
        OutboxCursor cursor = new OutboxCursor(10);
        assertThat(cursor.step(11, NOTHING_DISCARDED)).isEqualTo(FORWARD);
        assertThat(cursor.step(12, NOTHING_DISCARDED)).isEqualTo(FORWARD);
    }

    @Test
    void aMessageArrivingAheadOfOneStillInTheOutboxStopsTheBatch() {
        // the 200-truck case: 11 went to a stale pull request, 12 came first
        OutboxCursor cursor = new OutboxCursor(10);
        assertThat(cursor.step(12, NOTHING_DISCARDED)).isEqualTo(OUT_OF_ORDER);
    }

    @Test
    void aGapLeftByTheOutboxLimitsIsForwardedAcross() {
        OutboxCursor cursor = new OutboxCursor(10);
        assertThat(cursor.step(500, () -> 500)).isEqualTo(FORWARD);
        assertThat(cursor.step(501, () -> 1_000)).isEqualTo(FORWARD);
    }

    @Test
    void aGapOnlyPartlyDiscardedIsOutOfOrder() {
        OutboxCursor cursor = new OutboxCursor(10);
        assertThat(cursor.step(500, () -> 400)).isEqualTo(OUT_OF_ORDER);
    }

    @Test
    void redeliveriesOfForwardedMessagesAreAcknowledgedAgainAndCopiesInTheBatchSkipped() {
        OutboxCursor cursor = new OutboxCursor(10);
        assertThat(cursor.step(9, NOTHING_DISCARDED)).isEqualTo(ALREADY_FORWARDED);
        cursor.step(11, NOTHING_DISCARDED);
        assertThat(cursor.step(11, NOTHING_DISCARDED)).isEqualTo(REPEATED);
        cursor.forwarded(11);
        assertThat(cursor.step(11, NOTHING_DISCARDED)).isEqualTo(ALREADY_FORWARDED);
        assertThat(cursor.forwardedThrough()).isEqualTo(11);
    }
}
