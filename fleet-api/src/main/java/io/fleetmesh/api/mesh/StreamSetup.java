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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates or updates the hub streams. Idempotent: every replica runs it at start and before (re)creating a
 * consumer, so a hub whose store was wiped gets its streams back.
 */
@Component
public class StreamSetup {

    private static final Logger log = LoggerFactory.getLogger(StreamSetup.class);
    private static final int STREAM_NOT_FOUND = 10059;

    private final Connection connection;
    private final NatsProperties.Streams streams;

    StreamSetup(Connection connection, NatsProperties properties) {
        this.connection = connection;
        this.streams = properties.streams();
    }

    /** At start; if the hub is unreachable now, consumers create the streams once it answers. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            ensureStreams();
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            log.warn("hub streams not set up at start, will retry when consuming: {}", e.toString());
        }
    }

    /** Ensures every hub stream exists with the configured limits; throws while the hub is unreachable. */
    public void ensureStreams() throws IOException, JetStreamApiException {
        JetStreamManagement jsm = connection.jetStreamManagement();
        for (StreamConfiguration config : configurations()) {
            createOrUpdate(jsm, config);
        }
    }

    /** The creation time of a stream, part of the identity of readings that carry none of their own. */
    public StreamInfo info(String stream) throws IOException, JetStreamApiException {
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
