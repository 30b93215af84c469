package io.fleetmesh.api.mesh;

import java.util.UUID;

/** fleet-api has connected into a tenant's account; consumers start their work for that tenant. */
public record TenantLinked(UUID tenant) {
}
