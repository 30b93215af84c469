package io.fleetmesh.edge.leaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiskBudgetTest {

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    @Test
    void aLargeDiskKeepsTheConfiguredOutboxAndTakesNoMoreThanItNeeds() {
        DiskBudget budget = DiskBudget.of(500 * GIB, 0, GIB);
        assertThat(budget.outboxBytes()).isEqualTo(GIB);
        assertThat(budget.storeBytes()).isEqualTo(GIB + GIB / 4 + 64 * MIB);
    }

    @Test
    void aSmallDiskShrinksTheOutboxSoItDiscardsItsOldestInsteadOfRefusingTheNewest() {
        DiskBudget budget = DiskBudget.of(100 * MIB, 0, GIB);
        long disk = 90 * MIB;
        long reserve = 9 * MIB;
        assertThat(budget.outboxBytes()).isEqualTo((disk - reserve) / 4 * 3);
        assertThat(budget.storeBytes()).isEqualTo(budget.outboxBytes() * 5 / 4 + reserve).isLessThan(disk);
    }

    @Test
    void whatTheStoreAlreadyHoldsCountsAsItsOwn() {
        DiskBudget full = DiskBudget.of(10 * MIB, 90 * MIB, GIB);
        assertThat(full).isEqualTo(DiskBudget.of(100 * MIB, 0, GIB));
    }

    @Test
    void aSmallConfiguredOutboxIsKept() {
        assertThat(DiskBudget.of(500 * GIB, 0, 64 * 1024).outboxBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void aDiskTooSmallForAnyOutboxIsAClearError() {
        assertThatThrownBy(() -> DiskBudget.of(MIB, 0, GIB)).hasMessageContaining("too little for an outbox");
    }
}
