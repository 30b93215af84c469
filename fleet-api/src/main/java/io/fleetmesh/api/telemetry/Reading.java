package io.fleetmesh.api.telemetry;

import java.time.Instant;

/**
 * A validated reading, ready to store; (deviceId, epoch, seq) identifies it across redeliveries. The source
 * message is kept for quarantine, should a later check refuse the reading.
 */
record Reading(IncomingMessage source, String deviceId, String channel, Instant ts, String metricsJson, long epoch, long seq) implements Decoded {
}
