package io.fleetmesh.local;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.mesh.MeshJwts;
import io.fleetmesh.devkit.NatsServer;
import io.nats.client.NKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

/**
 * The quick start's mesh security (ADR 0005): the operator, system and default-tenant account keys, generated at
 * the first start into {@code .fleetmesh/keys} (readable by this user only), and the hub in operator mode with only
 * the system account preloaded: fleet-api pushes the tenants' accounts. The system tests that run fleet-api in
 * operator mode use it too.
 */
public final class LocalMesh {

    private static final SecureRandom random = new SecureRandom();

    private final Path keys;
    private final NKey operator;
    private final NKey system;

    private LocalMesh(Path keys) throws Exception {
        this.keys = keys;
        this.operator = seed("operator", Kind.OPERATOR);
        this.system = seed("system", Kind.ACCOUNT);
        addTenant(CurrentTenant.DEFAULT);
    }

    public static LocalMesh in(Path home) throws Exception {
        return new LocalMesh(Files.createDirectories(home.resolve("keys")));
    }

    public Path keysDir() {
        return keys;
    }

    /** The hub in operator mode, trusting these keys, with the system account preloaded. */
    public NatsServer secure(NatsServer hub) throws Exception {
        return hub.withOperator(MeshJwts.operator(operator, "fleetmesh-local", key(system)), key(system),
                Map.of(key(system), MeshJwts.account(operator, key(system), "SYS", false, Map.of())));
    }

    /** The tenant's account key, generated if it has none: fleet-api links the tenant to the mesh at its next scan. */
    public NKey addTenant(UUID tenant) throws Exception {
        return seed("account-" + tenant, Kind.ACCOUNT);
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
