package io.fleetmesh.api.packages;

import io.nats.client.api.ObjectInfo;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** As the install command's parameters. */
    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", name);
        params.put("version", version);
        params.put("kind", kind);
        params.put("consumer", consumer);
        params.put("nuid", nuid);
        params.put("sizeBytes", sizeBytes);
        params.put("chunks", chunks);
        params.put("firstSequence", firstSequence);
        params.put("digest", digest);
        if (signature != null) {
            params.put("signature", signature);
        }
        return params;
    }
}
