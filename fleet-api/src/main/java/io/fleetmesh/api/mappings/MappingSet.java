package io.fleetmesh.api.mappings;

import java.time.Instant;
import java.util.List;

/**
 * One version of a tenant's subject mappings, as the API shows it. {@code restoredFrom}: the version it copies (a
 * rollback), or null. Version 0 is the empty set a tenant starts with.
 */
public record MappingSet(int version, List<MappingRule> rules, String note, Integer restoredFrom, String createdBy,
                         Instant createdAt) {

    static MappingSet none() {
        return new MappingSet(0, List.of(), null, null, null, null);
    }
}
