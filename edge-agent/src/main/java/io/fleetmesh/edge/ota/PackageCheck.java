package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.PackageOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * What a downloaded package must be before it is installed: the size and SHA-256 digest the order names and, where
 * the truck has the tenant's signing key, an Ed25519 signature of that digest by it. And whether it fits on the disk
 * at all. Pure: the caller measures.
 */
final class PackageCheck {

    private PackageCheck() {
    }

    /** Why the package may not be installed, or empty if it may. {@code key}: the truck's signing key, if it has one. */
    static Optional<String> refusal(PackageOrder order, long size, byte[] sha256, PublicKey key) {
        if (size != order.sizeBytes()) {
            return Optional.of("size mismatch: %d bytes, the package has %d".formatted(size, order.sizeBytes()));
        }
        if (!MessageDigest.isEqual(expectedDigest(order), sha256)) {
            return Optional.of("digest mismatch: the bytes are not the package's (" + digest(sha256) + ")");
        }
        if (key == null) {
            return order.signature() == null ? Optional.empty()
                    : Optional.of("signed, but this truck has no signing key to check it (ota.signing-key)");
        }
        if (order.signature() == null) {
            return Optional.of("unsigned: this truck installs only packages signed by the tenant's key");
        }
        return signedBy(key, sha256, order.signature()) ? Optional.empty()
                : Optional.of("bad signature: not the tenant's signing key's");
    }

    /** Room for the package twice (its chunks and the joined file) in what the spool may use. */
    static Optional<String> noRoom(PackageOrder order, long usable, long leafMayClaim, long spoolLimit) {
        long room = Math.min(spoolLimit, usable - leafMayClaim);
        return 2 * order.sizeBytes() <= room ? Optional.empty()
                : Optional.of("does not fit: %d bytes needed on the truck (twice the package), %d free for packages"
                .formatted(2 * order.sizeBytes(), Math.max(0, room)));
    }

    /** The raw SHA-256 the order names ({@code SHA-256=<base64url>}). */
    static byte[] expectedDigest(PackageOrder order) {
        return Base64.getUrlDecoder().decode(order.digest().substring("SHA-256=".length()));
    }

    static String digest(byte[] sha256) {
        return "SHA-256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256);
    }

    /** An Ed25519 public key as {@code openssl pkey -pubout} writes it. */
    static PublicKey signingKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static boolean signedBy(PublicKey key, byte[] sha256, String signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(sha256);
            return ed25519.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
