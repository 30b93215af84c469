package io.fleetmesh.api.audit;

import java.time.Instant;

/** One audit record as the API shows it. */
public record AuditEntry(long id, Instant at, String actor, String action, String target, String detail) {
}
