package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.edge.AgentConfig;
import io.fleetmesh.edge.EdgeAgent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** DESIGN §6, crash: kill -9 of the agent or of its leaf server during sync loses nothing and doubles nothing. */
class ChaosTest extends SystemTest {

    private static final int READINGS = 3_000;

    @Test
    void killingTheLeafServerDuringSyncLosesAndDoublesNothing() throws Exception {
        String device = "chaos-leaf";
        EdgeAgent agent = platform.truck(device, new Properties());
        try (Sensor sensor = new Sensor(agent.localUrl(), device)) {
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> sensor.publish(0, READINGS));
            await().atMost(Platform.patience()).until(() -> platform.rows(device) > READINGS / 5);
            long killed = agent.leafPid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            await().atMost(Platform.patience()).until(() -> agent.leafPid() != killed);
            publishing.join();
        }
        assertExactlyOnce(device);
    }

    @Test
    void killingTheAgentDuringSyncLosesAndDoublesNothing() throws Exception {
        String device = "chaos-agent";
        platform.register(device);
        Path configFile = platform.agentConfigFile(device, new Properties());
        AgentConfig config = AgentConfig.load(configFile, Map.of());
        Process agent = AgentProcess.start(configFile);
        try (Sensor sensor = new Sensor(config.localUrl(), device)) {
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> sensor.publish(0, READINGS));
            await().atMost(Platform.patience()).until(() -> platform.rows(device) > READINGS / 5);
            agent.destroyForcibly().waitFor();
            agent = AgentProcess.start(configFile);
            publishing.join();
            assertExactlyOnce(device);
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    private static void assertExactlyOnce(String device) {
        await().atMost(Platform.patience()).until(() -> platform.rows(device) >= READINGS);
        assertThat(platform.jdbc.queryForList("SELECT (metrics->>'n')::int FROM telemetry WHERE device_id = ? ORDER BY seq",
                Integer.class, device)).hasSize(READINGS).doesNotHaveDuplicates().isSorted();
    }
}
