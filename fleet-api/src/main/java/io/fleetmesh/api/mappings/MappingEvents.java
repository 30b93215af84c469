package io.fleetmesh.api.mappings;

import java.util.UUID;

/** What happened to subject mappings: for the audit log. */
public final class MappingEvents {

    private MappingEvents() {
    }

    /** {@code restoredFrom}: the older version it copies, or null. */
    public record MappingsChanged(UUID tenantId, int version, int rules, Integer restoredFrom, String by) {
    }
}
