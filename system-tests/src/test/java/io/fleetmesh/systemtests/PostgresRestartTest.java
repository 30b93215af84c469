package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.devkit.ChaosOutcome;
import io.fleetmesh.devkit.Database;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted (a fast shutdown: every connection cut) while trucks publish, {@link Chaos#kills()} times:
 * the batches it refused meanwhile are redelivered by the hub, and every reading is stored once.
 */
class PostgresRestartTest {

    private static Platform platform;

    @BeforeAll
    static void start() {
        // assigned before fleet-api starts: @AfterAll stops it even if that fails
        platform = new Platform(Database.persistent(Platform.tempDir("restarted-postgres")));
        platform.startApi();
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
    }

    @Test
    void restartingPostgresUnderLoadLosesAndDoublesNothing() throws Exception {
        List<String> trucks = List.of("pg-1", "pg-2");
        Map<String, String> leaves = new LinkedHashMap<>();
        for (String truck : trucks) {
            leaves.put(truck, platform.truck(truck, new Properties()).localUrl());
        }
        SensorLoad load = SensorLoad.start(leaves, Duration.ofMillis(5));
        var random = Chaos.random("PostgreSQL restart");
        for (int restart = 0; restart < Chaos.kills(); restart++) {
            Chaos.awaitFlowingThenWaitRandomly(platform.jdbc, trucks, random);
            platform.database.restart();
        }
        Map<String, Integer> sent = load.stop();
        ChaosOutcome outcome = Chaos.tally(platform.jdbc, "PostgreSQL restart", sent,
                "%d restarts of PostgreSQL under 2 trucks' load".formatted(Chaos.kills()));
        Chaos.assertExactlyOnceInOrder(platform.jdbc, outcome, sent.keySet());
        assertThat(platform.call("GET", "/actuator/health", null).status()).isEqualTo(200);
    }
}
