package io.fleetmesh.api.packages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Packages ({@code fleetmesh.packages.*}): the largest taken. They live in the {@code packages} bucket of the hub's
 * Object Store in each tenant's account, so a truck of one tenant can never read another's.
 */
@ConfigurationProperties("fleetmesh.packages")
record PackageProperties(@DefaultValue("256MB") DataSize maxSize) {
}
