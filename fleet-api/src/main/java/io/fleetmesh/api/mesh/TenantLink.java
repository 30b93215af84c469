package io.fleetmesh.api.mesh;

import io.nats.client.Connection;
import java.util.UUID;

/**
 * fleet-api's connection into one tenant's NATS account (ADR 0005): everything arriving on it belongs to that
 * tenant, without trusting the message, and whatever fleet-api publishes on it reaches only that tenant's devices.
 */
public record TenantLink(UUID tenant, Connection connection) {
}
