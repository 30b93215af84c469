package io.fleetmesh.edge.status;

import io.fleetmesh.edge.leaf.LeafMappings;
import io.fleetmesh.edge.rollout.AppliedConfig;
import io.fleetmesh.edge.sync.Forwarder;
import io.fleetmesh.edge.sync.Outbox;
import io.fleetmesh.edge.sync.Overflow;
import io.fleetmesh.edge.sync.SyncState;
import io.fleetmesh.protocol.AgentStatus;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamState;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Every few seconds, {@code fleet.<dev>.events.status}: agent version, uptime, backlog not yet synced, age of the
 * oldest unsynced message, discarded count, last sync. It goes through the outbox like everything else.
 */
public final class StatusHeartbeat implements AutoCloseable {

    public static final String VERSION = "0.1.0";
    private static final Logger log = Logger.getLogger(StatusHeartbeat.class.getName());

    private final Connection local;
    private final String deviceId;
    private final SyncState sync;
    private final Overflow overflow;
    private final AppliedConfig config;
    private final LeafMappings mappings;
    private final Instant started = Instant.now();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            task -> new Thread(task, "status-heartbeat"));

    public StatusHeartbeat(Connection local, String deviceId, SyncState sync, Overflow overflow, AppliedConfig config,
                           LeafMappings mappings) {
        this.mappings = mappings;
        this.local = local;
        this.config = config;
        this.deviceId = deviceId;
        this.sync = sync;
        this.overflow = overflow;
    }

    public void start(Duration interval) {
        // The first beat waits an interval: the sync's consumer, whose backlog it reports, exists by then.
        timer.scheduleAtFixedRate(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            overflow.check();
            local.jetStream().publish(Subjects.statusEvents(deviceId), status().toJson());
        } catch (Exception e) {
            log.warning("status heartbeat not published: " + e);
        }
    }

    AgentStatus status() throws Exception {
        JetStreamManagement jsm = local.jetStreamManagement();
        ConsumerInfo consumer = jsm.getConsumerInfo(Outbox.STREAM, Forwarder.CONSUMER);
        StreamState stream = jsm.getStreamInfo(Outbox.STREAM).getStreamState();
        Instant now = Instant.now();
        return new AgentStatus(now, VERSION, config.version(), mappings.version(), Duration.between(started, now).toSeconds(),
                backlog(consumer), oldestUnsyncedAge(jsm, consumer, stream), sync.discarded(), sync.lastSync());
    }

    /** Messages in the outbox the sync has not had acknowledged by the hub. */
    public static long backlog(ConsumerInfo consumer) {
        return consumer.getNumPending() + consumer.getNumAckPending();
    }

    private static long oldestUnsyncedAge(JetStreamManagement jsm, ConsumerInfo consumer, StreamState stream)
            throws Exception {
        long seq = Math.max(consumer.getAckFloor().getStreamSequence() + 1, stream.getFirstSequence());
        if (seq > stream.getLastSequence()) {
            return 0;
        }
        try {
            Instant oldest = jsm.getMessage(Outbox.STREAM, seq).getTime().toInstant();
            return Math.max(0, Duration.between(oldest, Instant.now()).toSeconds());
        } catch (JetStreamApiException discardedMeanwhile) {
            StreamState now = jsm.getStreamInfo(Outbox.STREAM).getStreamState();
            return oldestUnsyncedAge(jsm, jsm.getConsumerInfo(Outbox.STREAM, Forwarder.CONSUMER), now);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
