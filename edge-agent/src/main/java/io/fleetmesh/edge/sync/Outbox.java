package io.fleetmesh.edge.sync;

import io.fleetmesh.edge.config.AgentConfig;
import io.fleetmesh.edge.leaf.DiskBudget;
import io.fleetmesh.protocol.Subjects;
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
 * The truck's buffer: a limits-retention stream on the leaf capturing everything that goes up. The time it was
 * created is the epoch of every message's identity, so a re-created store can never collide with what the cloud has.
 */
public final class Outbox {

    public static final String STREAM = "OUTBOX";
    private static final int STREAM_NOT_FOUND = 10059;
    private static final String EPOCH = "fleetmesh-epoch=";

    private Outbox() {
    }

    /**
     * Creates or updates the stream, as large as the disk allows; returns its epoch. The epoch is kept in the
     * stream's description: nats-server 2.9.10 does not keep a stream's creation time across a crash (the chaos
     * suite saw it change after kill -9 with the same sequences), and a new epoch on the same sequences makes what
     * the sync re-sends after a crash look new to the hub: stored twice.
     */
    public static long ensure(Connection local, AgentConfig config, DiskBudget disk) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = local.jetStreamManagement();
        StreamInfo existing = existing(jsm);
        long epoch = existing == null ? System.currentTimeMillis() : epochOf(existing);
        StreamConfiguration stream = StreamConfiguration.builder()
                .name(STREAM)
                .description(EPOCH + epoch)
                .subjects(subjects(config.deviceId()))
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.Limits)
                .discardPolicy(DiscardPolicy.Old)
                .maxAge(config.outboxMaxAge())
                .maxBytes(disk.outboxBytes())
                .build();
        if (existing == null) {
            jsm.addStream(stream);
        } else {
            jsm.updateStream(stream);
        }
        return epoch;
    }

    private static StreamInfo existing(JetStreamManagement jsm) throws IOException, JetStreamApiException {
        try {
            return jsm.getStreamInfo(STREAM);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
            return null;
        }
    }

    /** An outbox of an agent before the epoch was kept: its creation time as the server reports it now. */
    private static long epochOf(StreamInfo info) {
        String description = info.getConfiguration().getDescription();
        return description != null && description.startsWith(EPOCH)
                ? Long.parseLong(description.substring(EPOCH.length()))
                : info.getCreateTime().toInstant().toEpochMilli();
    }

    static String[] subjects(String deviceId) {
        return new String[] {Subjects.telemetryOf(deviceId), Subjects.eventsOf(deviceId)};
    }
}
