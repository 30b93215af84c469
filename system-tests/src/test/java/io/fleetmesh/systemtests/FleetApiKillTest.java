package io.fleetmesh.systemtests;

import io.fleetmesh.devkit.ChaosOutcome;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.edge.EdgeAgent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of fleet-api (its own JVM, as a replica in production), again and again at random moments while a truck
 * publishes: what it held unacknowledged the hub redelivers to the next one, and nothing is stored twice.
 */
class FleetApiKillTest {

    private static final Platform platform = new Platform();

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    @Test
    void killingFleetApiRepeatedlyLosesAndDoublesNothing() throws Exception {
        Path log = Platform.tempDir("fleet-api-kill").resolve("fleet-api.log");
        FleetApiProcess api = start(log);
        try {
            EdgeAgent truck = platform.truck("chaos-api", new Properties());
            SensorLoad load = SensorLoad.start(Map.of("chaos-api", truck.localUrl()), Duration.ofMillis(5));
            SplittableRandom random = Chaos.random("fleet-api kill -9");
            for (int kill = 0; kill < Chaos.kills(); kill++) {
                Chaos.awaitFlowingThenWaitRandomly(platform.jdbc, List.of("chaos-api"), random);
                api.kill();
                api = start(log);
            }
            Map<String, Integer> sent = load.stop();
            ChaosOutcome outcome = Chaos.tally(platform.jdbc, "fleet-api kill -9", sent,
                    "%d kills of fleet-api during ingest".formatted(Chaos.kills()));
            Chaos.assertExactlyOnceInOrder(platform.jdbc, outcome, sent.keySet());
        } finally {
            api.close();
        }
    }

    private static FleetApiProcess start(Path log) throws Exception {
        List<String> arguments = new ArrayList<>(FleetApiArguments.of(platform.database, platform.hub,
                "--fleetmesh.ingest.ack-wait=5s", "--fleetmesh.security.admin-password=" + platform.initialAdminPassword()));
        return FleetApiProcess.start(log, arguments);
    }
}
