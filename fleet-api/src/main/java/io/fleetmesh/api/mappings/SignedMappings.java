package io.fleetmesh.api.mappings;

import io.fleetmesh.api.mesh.AccountMappings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The tenant's current mapping version, in the shape the account JWT carries ({@code mappings} claim). */
@Component
class SignedMappings implements AccountMappings {

    private final MappingVersions versions;

    SignedMappings(MappingVersions versions) {
        this.versions = versions;
    }

    @Override
    public Map<String, List<WeightedSubject>> of(UUID tenant) {
        Map<String, List<WeightedSubject>> claims = new LinkedHashMap<>();
        versions.latest(tenant).map(MappingSet::rules).orElse(List.of()).forEach(rule -> claims.put(rule.source(),
                rule.destinations().stream().map(d -> new WeightedSubject(d.subject(), d.percent())).toList()));
        return claims;
    }
}
