package io.fleetmesh.api.mesh;

import io.nats.client.NKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The mesh's NKey seeds from {@code fleetmesh.mesh.keys-dir} (a mounted secret in production), read once each.
 * A tenant's account key appears as {@code account-<tenant id>.nk}; until it does, the tenant has no mesh.
 */
@Component
@EnableConfigurationProperties(MeshProperties.class)
public class MeshKeys {

    private final MeshProperties properties;
    private final Map<String, NKey> loaded = new ConcurrentHashMap<>();

    MeshKeys(MeshProperties properties) {
        this.properties = properties;
    }

    /** Operator mode: fleet-api signs accounts and device users. Otherwise the hub is open. */
    public boolean enabled() {
        return properties.keysDir() != null;
    }

    public NKey operator() {
        return required("operator");
    }

    public NKey system() {
        return required("system");
    }

    public Optional<NKey> account(UUID tenant) {
        String name = "account-" + tenant;
        NKey cached = loaded.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = properties.keysDir().resolve(name + ".nk");
        return Files.exists(file) ? Optional.of(required(name)) : Optional.empty();
    }

    private NKey required(String name) {
        return loaded.computeIfAbsent(name, this::read);
    }

    private NKey read(String name) {
        try {
            return NKey.fromSeed(Files.readString(properties.keysDir().resolve(name + ".nk")).trim().toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("mesh key " + name + " is not readable", e);
        }
    }
}
