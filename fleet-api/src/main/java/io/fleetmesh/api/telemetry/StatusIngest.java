package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.StreamSetup;
import io.fleetmesh.api.mesh.TenantLink;
import io.fleetmesh.api.mesh.TenantLinked;
import io.fleetmesh.api.telemetry.Rejection.Cause;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agents' status heartbeats ({@code fleet.<dev>.events.status}) into device_state: a durable push consumer in a
 * queue group in each tenant's account, so replicas share it. A heartbeat older than the stored one (a backlog
 * catching up) is ignored.
 */
@Component
class StatusIngest implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatusIngest.class);
    private static final String DURABLE = "status-ingest";
    private static final String SUBJECTS = "fleet.*.events.status";
    private static final int MAX_STATUS_BYTES = 4096;
    private static final String UPSERT = """
            INSERT INTO device_state AS s (tenant_id, device_id, status, status_at) VALUES (?, ?, ?::jsonb, ?)
            ON CONFLICT (tenant_id, device_id) DO UPDATE SET status = excluded.status, status_at = excluded.status_at
            WHERE s.status_at IS NULL OR excluded.status_at > s.status_at""";

    private final MeshLinks links;
    private final StreamSetup streams;
    private final DeviceDirectory directory;
    private final TelemetryStore store;
    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<UUID, Dispatcher> dispatchers = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService retries;

    StatusIngest(MeshLinks links, StreamSetup streams, DeviceDirectory directory, TelemetryStore store,
                 JdbcTemplate jdbc) {
        this.links = links;
        this.streams = streams;
        this.directory = directory;
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public synchronized void start() {
        retries = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "status-ingest-setup"));
        links.all().forEach(link -> retries.execute(() -> subscribe(link)));
    }

    @EventListener
    synchronized void linked(TenantLinked linked) {
        if (isRunning()) {
            links.of(linked.tenant()).ifPresent(link -> retries.execute(() -> subscribe(link)));
        }
    }

    /** Retries every 2 s while the hub is unreachable; once subscribed, the client follows reconnects itself. */
    private void subscribe(TenantLink link) {
        Connection connection = link.connection();
        try {
            streams.ensureStreams(connection);
            Dispatcher created = connection.createDispatcher();
            connection.jetStream().subscribe(SUBJECTS, DURABLE, created, message -> onStatus(link.tenant(), message), false,
                    PushSubscribeOptions.builder().stream(HubStreams.EVENTS).durable(DURABLE).deliverGroup(DURABLE)
                            .configuration(ConsumerConfiguration.builder().ackPolicy(AckPolicy.Explicit)
                                    .ackWait(Duration.ofSeconds(30)).build())
                            .build());
            dispatchers.put(link.tenant(), created);
            log.info("status ingest consuming {} of tenant {} as {}", SUBJECTS, link.tenant(), DURABLE);
        } catch (Exception e) {
            log.warn("status ingest of tenant {} not subscribed yet, retrying: {}", link.tenant(), e.toString());
            retries.schedule(() -> subscribe(link), 2, TimeUnit.SECONDS);
        }
    }

    private void onStatus(UUID tenant, Message message) {
        String device = message.getSubject().split("\\.")[1];
        try {
            JsonNode status = parse(message.getData());
            if (directory.registered(tenant, List.of(device)).isEmpty()) {
                throw new Refused(Cause.UNKNOWN_DEVICE, "device " + device + " is not registered");
            }
            jdbc.update(UPSERT, tenant, device, json.writeValueAsString(status),
                    java.sql.Timestamp.from(timestamp(status)));
        } catch (Refused refused) {
            store.quarantine(tenant, List.of(new Rejection(message.getSubject(), message.getData(), refused.cause,
                    refused.getMessage(), message.metaData().streamSequence())));
        }
        message.ack();
    }

    private JsonNode parse(byte[] payload) {
        if (payload.length > MAX_STATUS_BYTES) {
            throw new Refused(Cause.OVERSIZE, "status of " + payload.length + " bytes exceeds " + MAX_STATUS_BYTES);
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

    @Override
    public synchronized void stop() {
        retries.shutdownNow();
        dispatchers.forEach((tenant, dispatcher) -> links.of(tenant)
                .ifPresent(link -> link.connection().closeDispatcher(dispatcher)));
        dispatchers.clear();
    }

    @Override
    public boolean isRunning() {
        return retries != null && !retries.isShutdown();
    }
}
