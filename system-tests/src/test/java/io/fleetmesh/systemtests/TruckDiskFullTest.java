package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.devkit.ChaosOutcome;
import io.fleetmesh.edge.EdgeAgent;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A truck whose disk (a 16 MiB tmpfs as its data directory) is far smaller than its outbox's configured 1 GiB,
 * during a hub outage long enough to fill it: the agent sized the leaf's store to the disk, so the outbox discards
 * its oldest readings, counted, instead of the leaf refusing the newest; when the hub returns, what it kept is
 * stored once, and every reading that is not was reported discarded.
 */
class TruckDiskFullTest extends SystemTest {

    private static final String DEVICE = "disk-full";
    private static final int READINGS = 24_000;
    private static final int PADDING = 1_000;

    @Test
    void aFullTruckDiskDiscardsTheOldestCountedAndSyncsTheRestOnce() throws Exception {
        Path disk = Platform.tempDir("truck-disk");
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.toString()),
                "mounting a 16 MiB tmpfs as the truck's disk needs root");
        try {
            Properties settings = new Properties();
            settings.setProperty("data-dir", disk.toString());
            fillTheDiskDuringAHubOutage(platform.truck(DEVICE, settings));
            // in order: once the newest is a row, everything the outbox kept is; heartbeats bring the discarded count
            await().atMost(Chaos.catchUp()).until(() -> Integer.valueOf(READINGS - 1).equals(newest())
                    && discarded() >= READINGS - stored());
            long missing = READINGS - stored();
            ChaosOutcome outcome = new ChaosOutcome("truck disk full", READINGS, platform.rows(DEVICE),
                    Math.max(0, missing - discarded()), platform.rows(DEVICE) - stored(), ("16 MiB disk, %,d readings"
                    + " of 1 KB during a hub outage: %,d discarded by the outbox, %,d messages reported discarded"
                    + " (heartbeats too)").formatted(READINGS, missing, discarded())).report();
            assertThat(outcome.lost()).as("readings missing that were not reported discarded").isZero();
            assertThat(outcome.duplicated()).isZero();
            assertThat(missing).as("the disk could not hold them all").isPositive();
            assertThat(discarded()).as("no more reported than were discarded, besides heartbeats")
                    .isLessThanOrEqualTo(missing + 200);
        } finally {
            run("umount", "-l", disk.toString());
        }
    }

    /**
     * The hub is back afterwards whatever happens: a second start in a finally, after the first one, used to launch
     * another hub over the running one, which the platform then never stopped (its process was the second's).
     */
    private static void fillTheDiskDuringAHubOutage(EdgeAgent agent) throws Exception {
        platform.hub.stop();
        try (Sensor sensor = new Sensor(agent.localUrl(), DEVICE, PADDING)) {
            sensor.publish(0, READINGS); // each until the outbox confirms it: a refusal would stall it here
        } finally {
            platform.hub.start();
        }
    }

    private static long stored() {
        return Chaos.readings(platform.jdbc, DEVICE);
    }

    private static Integer newest() {
        return platform.jdbc.queryForObject("SELECT max((metrics->>'n')::int) FROM telemetry WHERE device_id = ?",
                Integer.class, DEVICE);
    }

    /** What the agent reported discarding, in its latest heartbeat as fleet-api stored it. */
    private static long discarded() throws Exception {
        var agent = platform.call("GET", "/api/v1/devices/" + DEVICE + "/status", null).body().get("agent");
        return agent == null || agent.isNull() ? 0 : agent.get("discarded").longValue();
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
