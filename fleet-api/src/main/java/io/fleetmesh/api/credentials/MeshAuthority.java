package io.fleetmesh.api.credentials;

import io.fleetmesh.api.mesh.MeshJwts;
import io.fleetmesh.api.mesh.MeshProperties;
import io.fleetmesh.api.mesh.NatsProperties;
import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Signs device users with their tenant's account key, and pushes re-signed tenant accounts (with revocations) to
 * the hub's resolver over a system-account connection. Holds the seeds; never writes them anywhere.
 */
@Component
@EnableConfigurationProperties(MeshProperties.class)
class MeshAuthority {

    private static final SecureRandom random = new SecureRandom();

    private final MeshProperties mesh;
    private final NatsProperties nats;
    private Connection system;

    MeshAuthority(MeshProperties mesh, NatsProperties nats) {
        this.mesh = mesh;
        this.nats = nats;
    }

    boolean enabled() {
        return mesh.keysDir() != null;
    }

    /**
     * A new NATS user for the device, and its public key (kept, to revoke it). What the device gets (shown once):
     * a {@code .creds} file, or for an MQTT device a bearer JWT to use as its MQTT password.
     */
    IssuedCredentials issue(UUID tenant, String device, boolean mqtt) throws Exception {
        NKey user = NKey.createUser(random);
        NKey account = seed("account-" + tenant);
        String key = MeshJwts.publicKey(user);
        MeshJwts.Permissions permissions = MeshJwts.Permissions.device(device);
        if (mqtt) {
            return new IssuedCredentials(MeshJwts.bearerUser(account, key, device, permissions), key);
        }
        return new IssuedCredentials(MeshJwts.creds(MeshJwts.user(account, key, device, permissions), user), key);
    }

    /** Re-signs the tenant's account with these revocations and has the resolver apply it at once. */
    void pushAccount(UUID tenant, Map<String, Long> revocations) throws Exception {
        String account = MeshJwts.publicKey(seed("account-" + tenant));
        String jwt = MeshJwts.account(seed("operator"), account, "tenant-" + tenant, true, revocations);
        String answer = new String(systemConnection().request("$SYS.REQ.ACCOUNT." + account + ".CLAIMS.UPDATE",
                jwt.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5)).getData(), StandardCharsets.UTF_8);
        if (!answer.contains("\"code\":200")) {
            throw new IllegalStateException("the hub's resolver did not take the account: " + answer);
        }
    }

    private synchronized Connection systemConnection() throws Exception {
        if (system == null) {
            NKey account = seed("system");
            NKey user = NKey.createUser(random);
            String jwt = MeshJwts.user(account, MeshJwts.publicKey(user), "fleet-api-system", null);
            system = Nats.connect(Options.builder().servers(nats.urls().toArray(String[]::new))
                    .connectionName("fleet-api-system").maxReconnects(-1)
                    .authHandler(Nats.staticCredentials(jwt.toCharArray(), user.getSeed())).build());
        }
        return system;
    }

    private NKey seed(String name) throws IOException {
        Path file = mesh.keysDir().resolve(name + ".nk");
        return NKey.fromSeed(Files.readString(file).trim().toCharArray());
    }

    record IssuedCredentials(String creds, String userKey) {
    }
}
