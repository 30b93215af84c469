package io.fleetmesh.api.packages;

import io.fleetmesh.protocol.PackageOrder;
import io.nats.client.api.ObjectInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a truck needs to download a package and check it (ADR 0013): the consumer it pulls, the object's nuid,
 * size, chunk count and the stream sequence of its first chunk (a chunk's place is its sequence less that), the
 * digest and the signature.
 */
public record PackageDelivery(String name, String version, String kind, String consumer, String nuid, long sizeBytes,
                              long chunks, long firstSequence, String digest, String signature) {

    static PackageDelivery of(PackageView view, ObjectInfo info, long firstSequence, String consumer) {
        return new PackageDelivery(view.name(), view.version(), view.kind(), consumer, info.getNuid(), view.sizeBytes(),
                view.chunks(), firstSequence, view.digest(), view.signature());
    }

    /** The install command's order: this package for that rollout, installed when those hold, never after then. */
    public PackageOrder order(UUID rollout, List<String> installWhen, Instant installBy) {
        return new PackageOrder(rollout.toString(), name, version, kind, consumer, nuid, sizeBytes, chunks, firstSequence,
                digest, signature, installWhen, installBy);
    }
}
