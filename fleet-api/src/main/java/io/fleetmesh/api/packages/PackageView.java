package io.fleetmesh.api.packages;

import io.nats.client.api.ObjectInfo;
import java.time.Instant;
import java.util.Map;

/** A package as the API shows it; {@code digest} is the Object Store's ({@code SHA-256=<base64url>}). */
public record PackageView(String name, String version, String kind, String target, long sizeBytes, long chunks,
                          String digest, String signature, String description, String uploadedBy, Instant uploadedAt) {

    static PackageView of(ObjectInfo info) {
        Map<String, String> meta = info.getMetaData();
        return new PackageView(meta.get("name"), meta.get("version"), meta.get("kind"), meta.get("target"), info.getSize(),
                info.getChunks(), info.getDigest(), meta.get("signature"), info.getDescription(), meta.get("uploadedBy"),
                info.getModified().toInstant());
    }
}
