package io.fleetmesh.api.taps;

import io.fleetmesh.api.mesh.StreamSetup;
import io.fleetmesh.api.mesh.TenantLink;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StreamState;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * Taps' consumers on the hub: durable pull consumers with explicit acknowledgement, one filter each (2.9). 2.9 has
 * no consumer reset: a reset is the consumer deleted and created again at the new place, under the same name, so
 * the reader's credentials still fit.
 */
@Component
class TapConsumers {

    static final int CONSUMER_NOT_FOUND = 10014;

    private final StreamSetup streams;

    TapConsumers(StreamSetup streams) {
        this.streams = streams;
    }

    /**
     * The tap's consumer, created afresh at {@code start} (one of an older tap of that name goes first). Answers its
     * floor: the sequence before the first it can read. What the stream discarded before the tap existed (or before
     * the place it was moved to) is not a gap of the tap's.
     */
    long create(TenantLink link, Tap tap, TapStart start) throws IOException, JetStreamApiException {
        streams.ensureStreams(link.connection());
        JetStreamManagement jsm = link.connection().jetStreamManagement();
        deleteIfPresent(jsm, tap);
        StreamState before = jsm.getStreamInfo(tap.stream()).getStreamState();
        jsm.addOrUpdateConsumer(tap.stream(), configuration(tap, start));
        long beforeFirst = Math.max(before.getFirstSequence() - 1, 0);
        return switch (start.kind()) {
            case NEW -> before.getLastSequence();
            case SEQUENCE -> Math.max(start.sequence() - 1, beforeFirst);
            case ALL, TIME -> beforeFirst;
        };
    }

    void delete(TenantLink link, Tap tap) throws IOException, JetStreamApiException {
        deleteIfPresent(link.connection().jetStreamManagement(), tap);
    }

    /** Throws {@link JetStreamApiException} with {@link #CONSUMER_NOT_FOUND} if the hub has no such consumer. */
    TapStatus status(TenantLink link, Tap tap) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = link.connection().jetStreamManagement();
        return TapStatus.of(jsm.getConsumerInfo(tap.stream(), tap.consumer()), jsm.getStreamInfo(tap.stream()));
    }

    private static void deleteIfPresent(JetStreamManagement jsm, Tap tap) throws IOException, JetStreamApiException {
        try {
            jsm.deleteConsumer(tap.stream(), tap.consumer());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
                throw e;
            }
        }
    }

    private static ConsumerConfiguration configuration(Tap tap, TapStart start) {
        TapSettings settings = tap.settings();
        ConsumerConfiguration.Builder builder = ConsumerConfiguration.builder().durable(tap.consumer())
                .filterSubject(settings.filter()).ackPolicy(AckPolicy.Explicit).ackWait(settings.ackWait())
                // fleet-api reads an exporting tap: a store that is down must not turn its backlog into dead letters
                .maxAckPending(settings.maxAckPending())
                .maxDeliver(settings.export() == null ? settings.maxDeliver() : -1)
                .description("data tap " + tap.name());
        return switch (start.kind()) {
            case NEW -> builder.deliverPolicy(DeliverPolicy.New).build();
            case ALL -> builder.deliverPolicy(DeliverPolicy.All).build();
            case SEQUENCE -> builder.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(start.sequence()).build();
            case TIME -> builder.deliverPolicy(DeliverPolicy.ByStartTime)
                    .startTime(start.time().atZone(ZoneOffset.UTC)).build();
        };
    }
}
