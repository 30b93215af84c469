package io.fleetmesh.api.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A tenant's entry for one metric, as an administrator sends it (the channel and metric are in the path). The
 * annotations document the shape; {@link EntryRules} is what decides, units and texts included.
 */
record EntryRequest(@NotNull @Size(min = 1, max = EntryRules.MAX_TEXT) String label,
                    @Size(max = 12) String unit,
                    @Min(0) @Max(EntryRules.MAX_PRECISION) Integer precision,
                    @Pattern(regexp = EntryRules.CHART) String chart,
                    @Size(max = EntryRules.MAX_STATES) Map<String, String> states) {
}
