package io.fleetmesh.local;

import io.fleetmesh.api.identity.CurrentTenant;
import io.fleetmesh.api.mesh.MeshJwts;
import io.fleetmesh.devkit.NatsServer;
import io.nats.client.NKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The quick start's mesh security (ADR 0005): the operator, system and default-tenant account keys, generated at
 * the first start into {@code .fleetmesh/keys} (readable by this user only), and the hub in operator mode.
 */
final class LocalMesh {

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

    static LocalMesh in(Path home) throws Exception {
        return new LocalMesh(Files.createDirectories(home.resolve("keys")));
    }

    Path keysDir() {
        return keys;
    }

    NatsServer hub(Path dir) throws Exception {
        return NatsServer.hub(dir, 4222, 1883, 8222, 7422).withOperator(
                MeshJwts.operator(operator, "fleetmesh-local", key(system)), key(system), Map.of(
                        key(system), MeshJwts.account(operator, key(system), "SYS", false, Map.of()),
                        key(tenant), MeshJwts.account(operator, key(tenant), "default", true, Map.of())));
    }

    /** fleet-api's own user in the default tenant's account, unrestricted within it. */
    Path serviceCredentials() throws Exception {
        NKey user = NKey.createUser(random);
        return secret("fleet-api.creds", MeshJwts.creds(MeshJwts.user(tenant, key(user), "fleet-api", null), user));
    }

    private NKey seed(String name, Kind kind) throws Exception {
        Path file = keys.resolve(name + ".nk");
        if (!Files.exists(file)) {
            NKey created = kind == Kind.OPERATOR ? NKey.createOperator(random) : NKey.createAccount(random);
            secret(name + ".nk", new String(created.getSeed()));
        }
        return NKey.fromSeed(Files.readString(file).trim().toCharArray());
    }

    private Path secret(String name, String content) throws Exception {
        Path file = keys.resolve(name);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file;
    }

    private static String key(NKey key) {
        return MeshJwts.publicKey(key);
    }

    private enum Kind { OPERATOR, ACCOUNT }
}
