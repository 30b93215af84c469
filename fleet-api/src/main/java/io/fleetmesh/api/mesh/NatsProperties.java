package io.fleetmesh.api.mesh;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fleet-api reaches the NATS hub ({@code fleetmesh.nats.*}).
 *
 * @param urls           hub servers; several for a cluster (FLEETMESH_NATS_URLS, comma-separated)
 * @param credentials    open-hub mode only (no {@code fleetmesh.mesh.keys-dir}): a {@code .creds} file (user JWT + NKey
 *                       seed) for fleet-api's one connection; in operator mode fleet-api signs its own user in each
 *                       tenant account
 * @param connectionName name shown in the hub's monitoring
 * @param streams        the hub streams fleet-api creates or updates at start
 * @param tenant         open-hub mode only: the tenant whose devices publish on the hub (in operator mode each
 *                       tenant has its own account and link, ADR 0005)
 */
@ConfigurationProperties("fleetmesh.nats")
public record NatsProperties(
        @DefaultValue("nats://127.0.0.1:4222") List<String> urls,
        String credentials,
        @DefaultValue("fleet-api") String connectionName,
        @DefaultValue Streams streams,
        @DefaultValue("00000000-0000-0000-0000-000000000001") UUID tenant) {

    /**
     * @param replicas         JetStream replicas of each hub stream (3 on a 3-node cluster)
     * @param telemetryMaxAge  how long the hub keeps telemetry (PostgreSQL is the system of record)
     * @param eventsMaxAge     how long the hub keeps events
     * @param commandsMaxAge   the longest command time-to-live
     * @param duplicateWindow  window in which a repeated {@code Nats-Msg-Id} is dropped by the hub
     */
    public record Streams(
            @DefaultValue("1") int replicas,
            @DefaultValue("7d") Duration telemetryMaxAge,
            @DefaultValue("7d") Duration eventsMaxAge,
            @DefaultValue("7d") Duration commandsMaxAge,
            @DefaultValue("2m") Duration duplicateWindow) {
    }
}
