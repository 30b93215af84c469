package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.mesh.EventSubscriptions;
import io.fleetmesh.api.telemetry.Rejection.Cause;
import io.fleetmesh.protocol.AgentStatus;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Message;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agents' status heartbeats ({@code fleet.<dev>.events.status}) into device_state, from a durable consumer of
 * each tenant's EVENTS stream that replicas share. A heartbeat older than the stored one (a backlog catching up) is
 * ignored.
 */
@Component
class StatusIngest {

    private static final String DURABLE = "status-ingest";
    private static final String UPSERT = """
            INSERT INTO device_state AS s (tenant_id, device_id, status, status_at, online_since)
            VALUES (?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (tenant_id, device_id) DO UPDATE SET status = excluded.status, status_at = excluded.status_at,
              online_since = CASE WHEN s.status_at IS NULL OR excluded.status_at - s.status_at > make_interval(secs => ?)
                                  THEN excluded.status_at ELSE coalesce(s.online_since, s.status_at) END
            WHERE s.status_at IS NULL OR excluded.status_at > s.status_at""";

    private final DeviceDirectory directory;
    private final TelemetryStore store;
    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    /** A gap between heartbeats longer than this ends a device's run online (the list's "online since"). */
    private final double offlineAfterSeconds;

    StatusIngest(EventSubscriptions subscriptions, DeviceDirectory directory, TelemetryStore store, JdbcTemplate jdbc,
                 TelemetryProperties properties) {
        this.offlineAfterSeconds = properties.offlineAfter().toMillis() / 1000.0;
        this.directory = directory;
        this.store = store;
        this.jdbc = jdbc;
        subscriptions.register(DURABLE, Subjects.ALL_STATUS_EVENTS, this::onStatus);
    }

    private void onStatus(UUID tenant, Message message) {
        String device = Subjects.deviceOf(message.getSubject());
        try {
            JsonNode status = parse(message.getData());
            if (directory.registered(tenant, List.of(device)).isEmpty()) {
                throw new Refused(Cause.UNKNOWN_DEVICE, "device " + device + " is not registered");
            }
            java.sql.Timestamp at = java.sql.Timestamp.from(timestamp(status));
            jdbc.update(UPSERT, tenant, device, json.writeValueAsString(status), at, at, offlineAfterSeconds);
        } catch (Refused refused) {
            store.quarantine(tenant, List.of(new Rejection(message.getSubject(), message.getData(), refused.cause,
                    refused.getMessage(), message.metaData().streamSequence())));
        }
    }

    private JsonNode parse(byte[] payload) {
        if (payload.length > AgentStatus.MAX_BYTES) {
            throw new Refused(Cause.OVERSIZE, "status of " + payload.length + " bytes exceeds " + AgentStatus.MAX_BYTES);
        }
        try {
            JsonNode status = json.readTree(payload);
            if (!status.isObject() || status.get("ts") == null || !status.get("ts").isString()) {
                throw new Refused(Cause.INVALID, "status must be a JSON object with an RFC 3339 ts");
            }
            timestamp(status);
            return status;
        } catch (JacksonException e) {
            throw new Refused(Cause.MALFORMED, "status is not well-formed JSON");
        }
    }

    private static Instant timestamp(JsonNode status) {
        try {
            return OffsetDateTime.parse(status.get("ts").stringValue()).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new Refused(Cause.INVALID, "status ts is not an RFC 3339 time");
        }
    }
}
