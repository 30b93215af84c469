package io.fleetmesh.api.mesh;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The subject mappings a tenant's account applies (source pattern to weighted destinations). The mappings feature
 * keeps them; the mesh signs them into every account JWT it pushes, beside the revocations.
 */
public interface AccountMappings {

    Map<String, List<WeightedSubject>> of(UUID tenant);

    /** {@code weight}: percent of the source's messages. */
    record WeightedSubject(String subject, int weight) {
    }
}
