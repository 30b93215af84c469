package io.fleetmesh.api.packages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where packages live ({@code fleetmesh.packages.*}): a bucket of the hub's Object Store in each tenant's account
 * (so a truck of one tenant can never read another's), and the largest package taken.
 */
@ConfigurationProperties("fleetmesh.packages")
record PackageProperties(@DefaultValue("packages") String bucket, @DefaultValue("256MB") DataSize maxSize) {
}
