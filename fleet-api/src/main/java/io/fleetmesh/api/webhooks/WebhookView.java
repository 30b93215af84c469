package io.fleetmesh.api.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook as listed; {@code secret} only in the answer that created it. */
record WebhookView(UUID id, String url, List<String> events, String createdBy, Instant createdAt, String secret) {
}
