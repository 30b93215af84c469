package io.fleetmesh.api.mappings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subject mappings ({@code fleetmesh.mappings.*}).
 *
 * @param catchUpInterval how often the trucks a version's push missed (registered since, or away longer than a
 *                        command waits) are looked for among those whose heartbeat came within it
 */
@ConfigurationProperties("fleetmesh.mappings")
record MappingProperties(@DefaultValue("10m") Duration catchUpInterval) {
}
