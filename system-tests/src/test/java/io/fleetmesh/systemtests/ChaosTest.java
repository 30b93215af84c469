package io.fleetmesh.systemtests;

import static org.awaitility.Awaitility.await;

import io.fleetmesh.devkit.ChaosOutcome;
import io.fleetmesh.edge.EdgeAgent;
import io.fleetmesh.edge.config.AgentConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §6, crash and partition, under a steady load: kill -9 of the agent and of its leaf server, again and again
 * at random moments ({@link Chaos#kills()} times), and a hub outage ({@link Chaos#outage()}) under three trucks'
 * load: every confirmed reading is stored once, in order.
 */
class ChaosTest extends SystemTest {

    private static final Duration PACE = Duration.ofMillis(5);

    @Test
    void killingTheLeafServerRepeatedlyLosesAndDoublesNothing() throws Exception {
        String device = "chaos-leaf";
        EdgeAgent agent = platform.truck(device, new Properties());
        SensorLoad load = SensorLoad.start(Map.of(device, agent.localUrl()), PACE);
        SplittableRandom random = Chaos.random("leaf kill -9");
        for (int kill = 0; kill < Chaos.kills(); kill++) {
            Chaos.awaitFlowingThenWaitRandomly(platform.jdbc, List.of(device), random);
            long killed = agent.leafPid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            await().atMost(Platform.patience()).until(() -> agent.leafPid() != killed);
        }
        assertExactlyOnce("leaf kill -9", load.stop(), "%d kills of the truck's leaf nats-server".formatted(Chaos.kills()));
    }

    @Test
    void killingTheAgentRepeatedlyLosesAndDoublesNothing() throws Exception {
        String device = "chaos-agent";
        platform.register(device);
        Path configFile = platform.agentConfigFile(device, new Properties());
        AgentConfig config = AgentConfig.load(configFile, Map.of());
        Process agent = AgentProcess.start(configFile);
        try {
            SensorLoad load = SensorLoad.start(Map.of(device, config.localUrl()), PACE);
            SplittableRandom random = Chaos.random("agent kill -9");
            for (int kill = 0; kill < Chaos.kills(); kill++) {
                Chaos.awaitFlowingThenWaitRandomly(platform.jdbc, List.of(device), random);
                agent.destroyForcibly().waitFor();
                agent = AgentProcess.start(configFile);
            }
            assertExactlyOnce("agent kill -9", load.stop(), "%d kills of the agent JVM".formatted(Chaos.kills()));
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void aHubOutageUnderLoadLosesAndDoublesNothing() throws Exception {
        List<String> trucks = List.of("outage-1", "outage-2", "outage-3");
        Map<String, String> leaves = new LinkedHashMap<>();
        for (String truck : trucks) {
            leaves.put(truck, platform.truck(truck, new Properties()).localUrl());
        }
        SensorLoad load = SensorLoad.start(leaves, PACE);
        await().atMost(Platform.patience()).until(() -> trucks.stream().allMatch(truck -> platform.rows(truck) > 50));
        platform.hub.stop();
        Thread.sleep(Chaos.outage().toMillis());
        int before = trucks.stream().mapToInt(platform::rows).sum();
        platform.hub.start();
        // live readings flow again (the backlog is checked by the tally)
        await().atMost(Chaos.catchUp()).until(() -> trucks.stream().mapToInt(platform::rows).sum() > before + 100);
        assertExactlyOnce("hub outage", load.stop(), "%s without the hub, 3 trucks".formatted(Chaos.outage()));
    }

    private static void assertExactlyOnce(String scenario, Map<String, Integer> sent, String detail) {
        ChaosOutcome outcome = Chaos.tally(platform.jdbc, scenario, sent, detail);
        Chaos.assertExactlyOnceInOrder(platform.jdbc, outcome, sent.keySet());
    }
}
