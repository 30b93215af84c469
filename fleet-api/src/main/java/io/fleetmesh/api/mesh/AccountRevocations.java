package io.fleetmesh.api.mesh;

import java.util.Map;
import java.util.UUID;

/**
 * The user keys a tenant's account must refuse (public key to the time in seconds from which it is revoked). The
 * credentials feature keeps them; the mesh signs them into every account JWT it pushes, so a re-pushed account
 * (at start, after a hub lost its store) never forgets a revocation.
 */
public interface AccountRevocations {

    Map<String, Long> of(UUID tenant);
}
