package io.fleetmesh.edge.ota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.protocol.PackageOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a truck installs, and what it refuses: size, digest, the tenant's signature, room on the disk. */
class PackageCheckTest {

    private static final byte[] BYTES = "reefer controller firmware 2.4.1".getBytes(StandardCharsets.UTF_8);

    @Test
    void thePackageItsOrderNamesPassesAndAnythingElseIsRefusedWithTheReason() throws Exception {
        PackageOrder order = order(sha256(BYTES), null);
        assertThat(PackageCheck.refusal(order, BYTES.length, sha256(BYTES), null)).isEmpty();
        assertThat(PackageCheck.refusal(order, BYTES.length - 1, sha256(BYTES), null)).get().asString()
                .startsWith("size mismatch");
        byte[] corrupted = BYTES.clone();
        corrupted[3] ^= 1;
        assertThat(PackageCheck.refusal(order, BYTES.length, sha256(corrupted), null)).get().asString()
                .startsWith("digest mismatch");
    }

    @Test
    void withTheTenantsKeyOnlyAPackageSignedByItIsInstalled(@TempDir Path dir) throws Exception {
        KeyPair tenant = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path pem = dir.resolve("package-signing.pub");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                tenant.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        var key = PackageCheck.signingKey(pem);
        byte[] digest = sha256(BYTES);

        assertThat(PackageCheck.refusal(order(digest, sign(tenant, digest)), BYTES.length, digest, key)).isEmpty();
        assertThat(PackageCheck.refusal(order(digest, sign(other, digest)), BYTES.length, digest, key)).get().asString()
                .startsWith("bad signature");
        assertThat(PackageCheck.refusal(order(digest, null), BYTES.length, digest, key)).get().asString()
                .startsWith("unsigned");
        assertThat(PackageCheck.refusal(order(digest, sign(tenant, digest)), BYTES.length, digest, null)).get()
                .asString().contains("no signing key");
    }

    @Test
    void aPackageNeedsRoomForItselfTwiceBesidesWhatTheLeafMayStillClaim() throws Exception {
        PackageOrder order = order(sha256(BYTES), null); // 32 bytes
        assertThat(PackageCheck.noRoom(order, 1_000, 936, 1_000)).isEmpty();
        assertThat(PackageCheck.noRoom(order, 1_000, 937, 1_000)).get().asString().startsWith("does not fit: 64 bytes");
        assertThat(PackageCheck.noRoom(order, 1_000_000, 0, 63)).isPresent();
    }

    @Test
    void aJobGoesOnlyForwardsAndFinishesOnce() throws Exception {
        PackageJob job = PackageJob.accepted(order(sha256(BYTES), null));
        PackageJob verified = job.at(PackageJob.Phase.VERIFIED);
        assertThatThrownBy(() -> verified.at(PackageJob.Phase.DOWNLOADING)).isInstanceOf(IllegalStateException.class);
        PackageJob finished = verified.finished("failed", "bad signature");
        assertThatThrownBy(() -> finished.finished("succeeded", null)).isInstanceOf(IllegalStateException.class);
        assertThat(finished.at(PackageJob.Phase.DONE).reason()).isEqualTo("bad signature");
    }

    private static PackageOrder order(byte[] digest, String signature) {
        return new PackageOrder("0b4c9d4e-8f1a-4a53-9d7e-3f1c2b6a5e10", "reefer-fw", "2.4.1", "firmware", "ota-truck-1",
                "NUID", BYTES.length, 1, 7, PackageCheck.digest(digest), signature, List.of(), Instant.now().plusSeconds(60));
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static String sign(KeyPair key, byte[] digest) throws Exception {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(key.getPrivate());
        ed25519.update(digest);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign());
    }
}
