package io.fleetmesh.api.credentials;

import io.fleetmesh.api.mesh.MeshJwts;
import io.fleetmesh.api.mesh.MeshKeys;
import io.nats.client.NKey;
import java.security.SecureRandom;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs device users with their tenant's account key. The user's seed goes to the device once, and nowhere else. */
@Component
class MeshAuthority {

    private static final SecureRandom random = new SecureRandom();

    private final MeshKeys keys;

    MeshAuthority(MeshKeys keys) {
        this.keys = keys;
    }

    /**
     * A new NATS user for the device, and its public key (kept, to revoke it). What the device gets (shown once):
     * a {@code .creds} file, or for an MQTT device a bearer JWT to use as its MQTT password. {@code legacyPrefix}: it
     * may also publish on {@code <prefix>.<device>.>}, or null.
     */
    IssuedCredentials issue(UUID tenant, String device, boolean mqtt, String legacyPrefix) throws Exception {
        NKey user = NKey.createUser(random);
        NKey account = keys.account(tenant).orElseThrow();
        String key = MeshJwts.publicKey(user);
        MeshJwts.Permissions permissions = legacyPrefix == null ? MeshJwts.Permissions.device(device)
                : MeshJwts.Permissions.device(device).withLegacyPrefix(legacyPrefix, device);
        if (mqtt) {
            return new IssuedCredentials(MeshJwts.bearerUser(account, key, device, permissions), key);
        }
        return new IssuedCredentials(MeshJwts.creds(MeshJwts.user(account, key, device, permissions), user), key);
    }

    record IssuedCredentials(String creds, String userKey) {
    }
}
