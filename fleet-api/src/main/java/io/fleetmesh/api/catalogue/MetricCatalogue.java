package io.fleetmesh.api.catalogue;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.refusals.NotFound;
import io.fleetmesh.api.refusals.Unprocessable;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The metric catalogue of each tenant: the built-in entries with the tenant's additions and overrides. */
@Component
public class MetricCatalogue {

    /** A tenant's own entries are few (its devices' odd metrics); a cap keeps a script's mistake from filling a table. */
    static final int MAX_TENANT_ENTRIES = 1000;

    private final CatalogueStore store;

    MetricCatalogue(CatalogueStore store) {
        this.store = store;
    }

    public Catalogue of(UUID tenantId) {
        return Catalogue.merge(DefaultCatalogue.ENTRIES, store.entries(tenantId));
    }

    CatalogueView view(UUID tenantId) {
        return new CatalogueView(Units.ALL, of(tenantId).entries());
    }

    /** Adds the tenant's entry for the metric, or replaces its entry (its own or the built-in one). */
    MetricEntry put(Caller caller, String channel, String metric, EntryRequest request) {
        MetricEntry entry = EntryRules.entry(channel, metric, request);
        boolean replacing = of(caller.tenantId()).entries().stream().anyMatch(e -> e.sameKey(entry)
                && e.source() == MetricEntry.Source.TENANT);
        if (!replacing && store.count(caller.tenantId()) >= MAX_TENANT_ENTRIES) {
            throw new Unprocessable("A tenant has at most " + MAX_TENANT_ENTRIES + " catalogue entries of its own.");
        }
        store.save(caller.tenantId(), entry, caller.name());
        return entry;
    }

    static final String NO_ENTRY = "The tenant has no catalogue entry of its own for this channel and metric.";

    /** Removes the tenant's entry: a built-in metric is shown by its default again, another one unformatted. */
    void remove(UUID tenantId, String channel, String metric) {
        EntryRules.checkNames(channel, metric);
        if (!store.delete(tenantId, channel, metric)) {
            throw new NotFound(NO_ENTRY);
        }
    }
}
