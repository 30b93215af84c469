package io.fleetmesh.api.telemetry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub telemetry consumer ({@code fleetmesh.ingest.*}). Replicas share the durable consumer.
 *
 * @param autoStartup     start consuming when the application starts
 * @param durable         name of the durable pull consumer on the hub's TELEMETRY stream
 * @param batchSize       most messages written to PostgreSQL in one transaction
 * @param writers         batches written concurrently by this replica
 * @param linger          how long a batch waits to fill before it is written anyway (bounds live latency)
 * @param maxAckPending   messages the hub lets this consumer hold unacknowledged, across replicas
 * @param ackWait         time after which the hub redelivers an unacknowledged message
 * @param maxPayloadBytes larger readings are quarantined
 */
@ConfigurationProperties("fleetmesh.ingest")
record IngestProperties(
        @DefaultValue("true") boolean autoStartup,
        @DefaultValue("telemetry-ingest") String durable,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("2") int writers,
        @DefaultValue("20ms") Duration linger,
        @DefaultValue("20000") int maxAckPending,
        @DefaultValue("30s") Duration ackWait,
        @DefaultValue("16384") int maxPayloadBytes) {
}
