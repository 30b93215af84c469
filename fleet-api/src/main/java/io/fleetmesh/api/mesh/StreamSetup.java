package io.fleetmesh.api.mesh;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates or updates a tenant account's hub streams. Idempotent: every replica runs it when it links a tenant and
 * before (re)creating a consumer, so a hub whose store was wiped gets its streams back.
 */
@Component
public class StreamSetup {

    private static final Logger log = LoggerFactory.getLogger(StreamSetup.class);
    private static final int STREAM_NOT_FOUND = 10059;

    private final MeshLinks links;
    private final NatsProperties.Streams streams;

    StreamSetup(MeshLinks links, NatsProperties properties) {
        this.links = links;
        this.streams = properties.streams();
    }

    /** A tenant's devices must find their streams (ADR 0005); if the hub is unreachable, consumers retry. */
    @EventListener
    void linked(TenantLinked linked) {
        try {
            ensureStreams(links.of(linked.tenant()).orElseThrow().connection());
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            log.warn("hub streams of tenant {} not set up yet, will retry when consuming: {}", linked.tenant(), e.toString());
        }
    }

    /** Ensures every hub stream exists with the configured limits; throws while the hub is unreachable. */
    public void ensureStreams(Connection connection) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = connection.jetStreamManagement();
        for (StreamConfiguration config : configurations()) {
            createOrUpdate(jsm, config);
        }
    }

    /** The creation time of a stream, part of the identity of readings that carry none of their own. */
    public StreamInfo info(Connection connection, String stream) throws IOException, JetStreamApiException {
        return connection.jetStreamManagement().getStreamInfo(stream);
    }

    private List<StreamConfiguration> configurations() {
        return List.of(
                stream(HubStreams.TELEMETRY, HubStreams.TELEMETRY_SUBJECTS, streams.telemetryMaxAge()),
                stream(HubStreams.EVENTS, HubStreams.EVENTS_SUBJECTS, streams.eventsMaxAge()),
                stream(HubStreams.COMMANDS, HubStreams.COMMANDS_SUBJECTS, streams.commandsMaxAge()));
    }

    private StreamConfiguration stream(String name, String subjects, Duration maxAge) {
        return StreamConfiguration.builder()
                .name(name)
                .subjects(subjects)
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.Limits)
                .discardPolicy(DiscardPolicy.Old)
                .replicas(streams.replicas())
                .maxAge(maxAge)
                .duplicateWindow(streams.duplicateWindow())
                .build();
    }

    private static void createOrUpdate(JetStreamManagement jsm, StreamConfiguration config)
            throws IOException, JetStreamApiException {
        try {
            jsm.getStreamInfo(config.getName());
            jsm.updateStream(config);
            log.info("hub stream {} updated ({})", config.getName(), config.getSubjects());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            jsm.addStream(config);
            log.info("hub stream {} created ({})", config.getName(), config.getSubjects());
        }
    }
}
