package io.fleetmesh.local;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.mesh.MeshJwts;
import io.fleetmesh.devkit.NatsServer;
import io.nats.client.NKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The quick start's mesh security (ADR 0005): the operator, system and default-tenant account keys, generated at
 * the first start into {@code .fleetmesh/keys} (readable by this user only), and the hub in operator mode. The
 * system tests that run fleet-api in operator mode use it too.
 */
public final class LocalMesh {

    private static final SecureRandom random = new SecureRandom();

    private final Path keys;
    private final NKey operator;
    private final NKey system;
    private final NKey tenant;

    private LocalMesh(Path keys) throws Exception {
        this.keys = keys;
        this.operator = seed("operator", Kind.OPERATOR);
        this.system = seed("system", Kind.ACCOUNT);
        this.tenant = seed("account-" + CurrentTenant.DEFAULT, Kind.ACCOUNT);
    }

    public static LocalMesh in(Path home) throws Exception {
        return new LocalMesh(Files.createDirectories(home.resolve("keys")));
    }

    public Path keysDir() {
        return keys;
    }

    /** The hub in operator mode, trusting these keys, with the system and default-tenant accounts preloaded. */
    public NatsServer secure(NatsServer hub) throws Exception {
        return hub.withOperator(
                MeshJwts.operator(operator, "fleetmesh-local", key(system)), key(system), Map.of(
                        key(system), MeshJwts.account(operator, key(system), "SYS", false, Map.of()),
                        key(tenant), MeshJwts.account(operator, key(tenant), "default", true, Map.of())));
    }

    /** fleet-api's own user in the default tenant's account, unrestricted within it. */
    public Path serviceCredentials() throws Exception {
        NKey user = NKey.createUser(random);
        return OwnerOnlyFile.write(keys.resolve("fleet-api.creds"), MeshJwts.creds(MeshJwts.user(tenant, key(user), "fleet-api", null), user));
    }

    private NKey seed(String name, Kind kind) throws Exception {
        Path file = keys.resolve(name + ".nk");
        if (!Files.exists(file)) {
            NKey created = kind == Kind.OPERATOR ? NKey.createOperator(random) : NKey.createAccount(random);
            OwnerOnlyFile.write(file, new String(created.getSeed()));
        }
        return NKey.fromSeed(Files.readString(file).trim().toCharArray());
    }

    private static String key(NKey key) {
        return MeshJwts.publicKey(key);
    }

    private enum Kind { OPERATOR, ACCOUNT }
}
