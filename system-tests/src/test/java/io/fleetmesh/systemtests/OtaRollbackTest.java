package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An aborted rollout takes its package back off the trucks that installed it (issue 19): the file they had before
 * is theirs again, and the rollout shows them ROLLED_BACK.
 */
class OtaRollbackTest extends SystemTest {

    @Test
    void anAbortRollsTheCanaryBackToTheFileItHadBefore() throws Exception {
        byte[] before = "speed limits, edition 1".getBytes(StandardCharsets.UTF_8);
        byte[] after = "speed limits, edition 2".getBytes(StandardCharsets.UTF_8);
        assertThat(platform.upload("speed-limits", "1", "kind=file", before)).isEqualTo(201);
        assertThat(platform.upload("speed-limits", "2", "kind=file", after)).isEqualTo(201);
        Path canary = start("rb-canary", new Properties());
        Properties strict = new Properties(); // holds a signing key, so it refuses the unsigned package: the abort
        Path key = Platform.tempDir("signing").resolve("package-signing.pub");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        strict.setProperty("ota.signing-key", key.toString());
        start("rb-strict", strict);

        String first = rollout("1", "\"rb-canary\"", 0, "");
        awaitStatus(first, "COMPLETED");
        assertThat(Files.readAllBytes(canary.resolve("files/speed-limits"))).isEqualTo(before);

        String second = rollout("2", "\"rb-canary\", \"rb-strict\"", 1, ", \"abortFailures\": 1");
        awaitStatus(second, "ABORTED");
        await().atMost(Platform.patience()).until(() -> state(second, "rb-canary").equals("ROLLED_BACK"));
        assertThat(state(second, "rb-strict")).isEqualTo("FAILED");
        assertThat(Files.readAllBytes(canary.resolve("files/speed-limits"))).as("the canary's file").isEqualTo(before);
        assertThat(platform.call("GET", "/api/v1/devices/rb-canary/commands", null).body().get("items").get(0)
                .get("type").stringValue()).isEqualTo("rollback-package");
    }

    /** Registers and starts the truck; its data directory. */
    private static Path start(String truck, Properties settings) throws Exception {
        Path dir = Platform.tempDir("agent-" + truck);
        settings.setProperty("data-dir", dir.toString());
        platform.truck(truck, settings);
        return dir;
    }

    private static String rollout(String version, String devices, int canary, String abort) throws Exception {
        Platform.Answer answer = platform.call("POST", "/api/v1/rollouts", ("{\"name\": \"limits %s\", \"packageName\":"
                + " \"speed-limits\", \"packageVersion\": \"%s\", \"devices\": [%s], \"canary\": %d,"
                + " \"percents\": [100]%s}").formatted(version, version, devices, canary, abort));
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
        return answer.body().get("id").stringValue();
    }

    private static void awaitStatus(String rollout, String status) {
        await().atMost(Platform.patience()).until(() -> platform.call("GET", "/api/v1/rollouts/" + rollout, null).body()
                .get("status").stringValue().equals(status));
    }

    private static String state(String rollout, String truck) throws Exception {
        for (JsonNode target : platform.call("GET", "/api/v1/rollouts/%s/targets".formatted(rollout), null).body()) {
            if (target.get("deviceId").stringValue().equals(truck)) {
                return target.get("state").stringValue();
            }
        }
        throw new AssertionError(truck + " is not a target of " + rollout);
    }
}
