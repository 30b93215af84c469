package io.fleetmesh.api.webhooks;

import java.time.Instant;

/** One delivery of the log: its state, how many attempts, the receiver's last answer. */
record DeliveryView(long id, String kind, String state, int attempts, Integer lastStatus, String lastError,
                    Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
}
