package io.fleetmesh.api.commands;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Commands ({@code fleetmesh.commands.*}).
 *
 * @param defaultTtl       time-to-live of a command that names none
 * @param maxTtl           the longest time-to-live accepted (at most the hub's {@code commands-max-age})
 * @param dispatchInterval how often commands still QUEUED (the hub was unreachable) are sent again, and expired
 *                         ones are marked EXPIRED
 * @param maxWait          the longest {@code ?wait=} of a synchronous command
 */
@ConfigurationProperties("fleetmesh.commands")
record CommandProperties(
        @DefaultValue("1h") Duration defaultTtl,
        @DefaultValue("7d") Duration maxTtl,
        @DefaultValue("2s") Duration dispatchInterval,
        @DefaultValue("30s") Duration maxWait) {
}
