package io.fleetmesh.edge;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;

/**
 * The truck's buffer: a limits-retention stream on the leaf capturing everything that goes up. Its creation time
 * is the epoch of every message's identity, so a re-created store can never collide with what the cloud has.
 */
final class Outbox {

    static final String STREAM = "OUTBOX";
    private static final int STREAM_NOT_FOUND = 10059;

    private Outbox() {
    }

    /** Creates or updates the stream, as large as the disk allows; returns its epoch (creation time, epoch milliseconds). */
    static long ensure(Connection local, AgentConfig config, DiskBudget disk) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = local.jetStreamManagement();
        StreamConfiguration stream = StreamConfiguration.builder()
                .name(STREAM)
                .subjects(subjects(config.deviceId()))
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.Limits)
                .discardPolicy(DiscardPolicy.Old)
                .maxAge(config.outboxMaxAge())
                .maxBytes(disk.outboxBytes())
                .build();
        StreamInfo info;
        try {
            jsm.getStreamInfo(STREAM);
            info = jsm.updateStream(stream);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            info = jsm.addStream(stream);
        }
        return info.getCreateTime().toInstant().toEpochMilli();
    }

    static String[] subjects(String deviceId) {
        return new String[] {"fleet." + deviceId + ".telemetry.>", "fleet." + deviceId + ".events.>"};
    }
}
