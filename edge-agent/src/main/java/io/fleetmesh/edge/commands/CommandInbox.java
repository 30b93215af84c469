package io.fleetmesh.edge.commands;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;

/**
 * The truck's command inbox on its leaf (ADR 0006): the INBOX stream, on a subject that never leaves the truck,
 * and the EXECUTED bucket that makes execution at most once. Both outlive any command's time-to-live.
 */
public final class CommandInbox {

    static final String STREAM = "INBOX";
    static final String SUBJECT = "agent.inbox.cmd";
    static final String CONSUMER = "executor";
    static final String EXECUTED = "EXECUTED";
    private static final Duration KEEP = Duration.ofDays(8);
    // a handler may take a while; a killed agent's command is taken back at once by freshConsumer()
    private static final Duration ACK_WAIT = Duration.ofMinutes(5);
    private static final int NOT_FOUND = 10059;

    private CommandInbox() {
    }

    public static void ensure(Connection local) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = local.jetStreamManagement();
        StreamConfiguration inbox = StreamConfiguration.builder().name(STREAM).subjects(SUBJECT)
                .storageType(StorageType.File).maxAge(KEEP).duplicateWindow(Duration.ofMinutes(2)).build();
        try {
            jsm.getStreamInfo(STREAM);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != NOT_FOUND) {
                throw e;
            }
            jsm.addStream(inbox);
        }
        if (!local.keyValueManagement().getBucketNames().contains(EXECUTED)) {
            local.keyValueManagement().create(KeyValueConfiguration.builder().name(EXECUTED).maxHistoryPerKey(1)
                    .ttl(KEEP).storageType(StorageType.File).build());
        }
    }

    /**
     * The executor's consumer, re-created right after the last acknowledged command if a killed agent left one
     * delivered and unacknowledged: it comes back now, not after the ack wait, and its EXECUTED key tells whether
     * it had started.
     */
    static void freshConsumer(Connection local) throws IOException, JetStreamApiException {
        JetStreamManagement jsm = local.jetStreamManagement();
        long floor = 0;
        try {
            ConsumerInfo existing = jsm.getConsumerInfo(STREAM, CONSUMER);
            if (existing.getNumAckPending() == 0) {
                return;
            }
            floor = existing.getAckFloor().getStreamSequence();
            jsm.deleteConsumer(STREAM, CONSUMER);
        } catch (JetStreamApiException noConsumerYet) {
            // a new truck
        }
        ConsumerConfiguration.Builder consumer = ConsumerConfiguration.builder().durable(CONSUMER)
                .ackPolicy(AckPolicy.Explicit).ackWait(ACK_WAIT).maxAckPending(1);
        if (floor > 0) {
            consumer.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(floor + 1);
        }
        jsm.addOrUpdateConsumer(STREAM, consumer.build());
    }
}
