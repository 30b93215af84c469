package io.fleetmesh.api.notifications;

import java.time.Instant;
import java.util.UUID;

/** One notification for one recipient, as the delivery log shows it; a digest's entries share {@code messageId}. */
record DeliveryLogEntry(long id, UUID ruleId, String recipient, String channel, String event, String deviceId,
                        String severity, String title, Instant occurredAt, String state, int attempts, String lastError,
                        String messageId, Instant createdAt, Instant sentAt) {
}
