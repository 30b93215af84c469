package io.fleetmesh.api.catalogue;

import io.fleetmesh.api.web.ProblemContributor;
import io.fleetmesh.api.web.ProblemDocs;
import io.fleetmesh.api.web.ProblemDocs.Documented;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Removing an entry the tenant never set is the catalogue's own 404, in the OpenAPI document. */
@Component
class CatalogueApiDocumentation implements ProblemContributor {

    @Override
    public Map<String, Documented> problems(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith("/api/v1/metric-catalogue/") || method != PathItem.HttpMethod.DELETE) {
            return Map.of();
        }
        return Map.of("404", Documented.of("The tenant has no entry of its own for this channel and metric.",
                "catalogueEntryNotFound", ProblemDocs.example("No entry of the tenant's", 404,
                        ProblemDocs.defaultTitle(404), MetricCatalogue.NO_ENTRY, ProblemDocs.instance(path, operation),
                        Map.of())));
    }
}
