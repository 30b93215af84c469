package io.fleetmesh.api.mappings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new version of the tenant's mappings: all of them ({@code rules}, empty removes every mapping), a {@code note}
 * for the history, and optionally the {@code version} it was made from (a change made from a stale one is refused).
 */
record NewMappings(@NotNull List<MappingRule> rules, @Size(max = 500) String note, Integer version) {
}
