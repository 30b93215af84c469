package io.fleetmesh.api.telemetry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Telemetry storage ({@code fleetmesh.telemetry.*}).
 *
 * @param retention       readings older than this are dropped, a day partition at a time, and refused on ingest
 * @param partitionsAhead how many days of partitions exist ahead of today
 * @param maxClockSkew    how far in the future a reading's time may be before it is quarantined
 * @param offlineAfter    a device whose last status heartbeat is older than this shows as offline
 */
@ConfigurationProperties("fleetmesh.telemetry")
record TelemetryProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("3") int partitionsAhead,
        @DefaultValue("1d") Duration maxClockSkew,
        @DefaultValue("30s") Duration offlineAfter) {
}
