package io.fleetmesh.api.events;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What dashboards and integrators see on {@code GET /api/v1/events} and webhooks receive: {@code kind} is
 * {@code alert}, {@code command} or {@code device}; {@code data} the alert, the command's transition, or the
 * device's online/offline change. Dashboards also get {@code ingest} (the tenant's readings a second, every few
 * seconds), which webhooks never do.
 */
public record LiveEvent(UUID tenantId, String kind, JsonNode data) {
}
