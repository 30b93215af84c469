package io.fleetmesh.api.mesh;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mesh's signing keys ({@code fleetmesh.mesh.*}, ADR 0005).
 *
 * @param keysDir NKey seeds: {@code operator.nk}, {@code system.nk} and {@code account-<tenant id>.nk} (a mounted
 *                secret in production); unset for an open hub without device credentials
 */
@ConfigurationProperties("fleetmesh.mesh")
public record MeshProperties(Path keysDir) {
}
