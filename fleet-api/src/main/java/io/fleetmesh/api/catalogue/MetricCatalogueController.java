package io.fleetmesh.api.catalogue;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.telemetry.TelemetryNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The metric catalogue (labels, units, decimals, charts): everyone reads it; an ADMIN adds or overrides an entry
 * with {@code PUT}, and goes back to the built-in one (if any) with {@code DELETE}. A channel of {@code *} is an
 * entry for the metric on any channel.
 */
@RestController
@RequestMapping("/api/v1/metric-catalogue")
class MetricCatalogueController {

    private final MetricCatalogue catalogue;
    private final CurrentTenant tenant;

    MetricCatalogueController(MetricCatalogue catalogue, CurrentTenant tenant) {
        this.catalogue = catalogue;
        this.tenant = tenant;
    }

    @GetMapping
    CatalogueView catalogue() {
        return catalogue.view(tenant.id());
    }

    @PutMapping("/{channel}/{metric}")
    MetricEntry put(@PathVariable @Pattern(regexp = EntryRules.CHANNEL) String channel,
                    @PathVariable @Pattern(regexp = TelemetryNames.METRIC) String metric,
                    @Valid @RequestBody EntryRequest entry) {
        return catalogue.put(tenant.caller(), channel, metric, entry);
    }

    @DeleteMapping("/{channel}/{metric}")
    ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = EntryRules.CHANNEL) String channel,
                                @PathVariable @Pattern(regexp = TelemetryNames.METRIC) String metric) {
        catalogue.remove(tenant.id(), channel, metric);
        return ResponseEntity.noContent().build();
    }
}
