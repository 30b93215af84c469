package io.fleetmesh.api.reportschedules;

import java.time.Instant;

/**
 * One period of a schedule: PENDING (due at {@code dueAt}, perhaps after failed attempts), SENT once at
 * {@code sentAt} to {@code recipients} addresses in a file of {@code bytes}, or FAILED for good with the reason.
 */
record ReportRunView(long id, Instant periodStart, Instant periodEnd, String state, int attempts, Instant dueAt,
                     String lastError, String messageId, Integer recipients, Integer bytes, Instant createdAt,
                     Instant sentAt) {
}
