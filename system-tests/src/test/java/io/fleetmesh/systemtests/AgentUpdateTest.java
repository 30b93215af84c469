package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Agent packages (issue 19): the agent's jar, run as systemd runs it on a gateway (guard, then {@code java -jar},
 * restarted whenever it exits), is replaced by a rollout's. A new jar that comes up reports SUCCEEDED; one that does
 * not is put back by the guard within its tries, and the old agent reports ROLLED_BACK.
 */
class AgentUpdateTest extends SystemTest {

    @Test
    void aGoodAgentUpdateRunsAndABadOneIsRolledBackToIt() throws Exception {
        String truck = "ota-gateway";
        platform.register(truck);
        Path jar = Platform.tempDir("opt-fleetmesh").resolve("edge-agent.jar");
        Files.copy(shadedAgentJar(), jar);
        Properties settings = new Properties();
        settings.setProperty("data-dir", Platform.tempDir("agent-" + truck).toString());
        settings.setProperty("ota.agent-jar", jar.toString());
        // the same agent, built again: a prefix before the zip leaves it runnable and makes it another package
        byte[] good = concat("#!/bin/sh\n# fleetmesh edge agent, build 2\n".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(jar));
        assertThat(platform.upload("edge-agent", "2.0", "kind=agent", good)).isEqualTo(201);
        assertThat(platform.upload("edge-agent", "3.0-broken", "kind=agent", jarThatDoesNotStart())).isEqualTo(201);

        try (Systemd systemd = new Systemd(jar, platform.agentConfigFile(truck, settings))) {
            String update = rollout(truck, "2.0");
            awaitTarget(update, truck, "SUCCEEDED");
            assertThat(Files.readAllBytes(jar)).as("the jar that runs").isEqualTo(good);
            assertThat(systemd.starts()).isEqualTo(2);

            String broken = rollout(truck, "3.0-broken");
            awaitTarget(broken, truck, "ROLLED_BACK");
            assertThat(target(broken, truck).get("reason").stringValue()).contains("previous jar");
            assertThat(Files.readAllBytes(jar)).as("the jar that runs again").isEqualTo(good);
            assertThat(systemd.starts()).as("the update, two tries of it, and the previous jar").isEqualTo(5);
        }
    }

    private static String rollout(String truck, String version) throws Exception {
        Platform.Answer answer = platform.call("POST", "/api/v1/rollouts", ("{\"name\": \"agent %s\", \"packageName\":"
                + " \"edge-agent\", \"packageVersion\": \"%s\", \"devices\": [\"%s\"], \"canary\": 0, \"percents\": [100]}")
                .formatted(version, version, truck));
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
        return answer.body().get("id").stringValue();
    }

    private static void awaitTarget(String rollout, String truck, String state) {
        await().atMost(Platform.patience().multipliedBy(2)).until(() -> target(rollout, truck).get("state")
                .stringValue().equals(state));
    }

    private static JsonNode target(String rollout, String truck) throws Exception {
        return platform.call("GET", "/api/v1/rollouts/%s/targets".formatted(rollout), null).body().get(0);
    }

    /** A jar whose Main-Class does not exist: {@code java -jar} exits at once with an error, as a broken build would. */
    private static byte[] jarThatDoesNotStart() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.fleetmesh.edge.Missing");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return bytes.toByteArray();
    }

    private static Path shadedAgentJar() throws Exception {
        try (Stream<Path> built = Files.list(Path.of("..", "edge-agent", "target"))) {
            return built.filter(p -> p.getFileName().toString().matches("edge-agent-.*-all\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("edge-agent's shaded jar is not built"));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
