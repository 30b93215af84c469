package io.fleetmesh.api.mesh;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mesh's signing keys ({@code fleetmesh.mesh.*}, ADR 0005).
 *
 * @param keysDir      NKey seeds: {@code operator.nk}, {@code system.nk} and {@code account-<tenant id>.nk} (a
 *                     mounted secret in production); unset for an open hub without device credentials
 * @param scanInterval how often fleet-api looks for tenants that got an account key since it last looked: it
 *                     pushes their account to the hub's resolver, creates their streams and starts their ingest
 */
@ConfigurationProperties("fleetmesh.mesh")
public record MeshProperties(Path keysDir, @DefaultValue("30s") Duration scanInterval) {
}
