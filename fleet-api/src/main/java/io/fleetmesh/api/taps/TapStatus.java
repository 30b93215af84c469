package io.fleetmesh.api.taps;

import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamInfo;

/**
 * A tap's consumer as the hub sees it now. {@code pending}: its lag, matching messages not delivered yet;
 * {@code ackPending}: delivered and not acknowledged; {@code redelivered}: of those, delivered more than once;
 * {@code ackFloor}: the stream sequence up to which everything is acknowledged; {@code streamFirst}: the oldest
 * sequence the stream still keeps.
 */
record TapStatus(long pending, long ackPending, long redelivered, long ackFloor, long acknowledgedDeliveries,
                 long streamFirst, long streamLast) {

    static TapStatus of(ConsumerInfo consumer, StreamInfo stream) {
        return new TapStatus(consumer.getNumPending(), consumer.getNumAckPending(), consumer.getRedelivered(),
                consumer.getAckFloor().getStreamSequence(), consumer.getAckFloor().getConsumerSequence(),
                stream.getStreamState().getFirstSequence(), stream.getStreamState().getLastSequence());
    }
}
