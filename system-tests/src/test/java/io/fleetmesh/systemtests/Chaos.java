package io.fleetmesh.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.devkit.ChaosOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The chaos scenarios' knobs and their tally. CI runs them short; the full runs of docs/reliability.md set
 * {@code fleetmesh.chaos.kills} (20), {@code fleetmesh.chaos.outage} (PT5M) and, to replay a run, the printed
 * {@code fleetmesh.chaos.seed}.
 */
final class Chaos {

    private Chaos() {
    }

    static int kills() {
        return Integer.getInteger("fleetmesh.chaos.kills", 3);
    }

    static Duration outage() {
        return Duration.parse(System.getProperty("fleetmesh.chaos.outage", "PT5S"));
    }

    /** How long a backlog may take to become rows: a long outage's readings need longer than a test's patience. */
    static Duration catchUp() {
        return Platform.patience().plus(outage());
    }

    static SplittableRandom random(String scenario) {
        long seed = Long.getLong("fleetmesh.chaos.seed", System.nanoTime());
        System.out.printf("chaos: %s: seed %d (-Dfleetmesh.chaos.seed=%d replays its moments)%n", scenario, seed, seed);
        return new SplittableRandom(seed);
    }

    /**
     * Waits until the devices' readings reach PostgreSQL again (end to end, so the next kill meets a working
     * pipeline rather than one still starting), then a random moment more.
     */
    static void awaitFlowingThenWaitRandomly(JdbcTemplate jdbc, Iterable<String> devices, SplittableRandom random)
            throws InterruptedException {
        long before = rows(jdbc, devices);
        await().atMost(Platform.patience()).ignoreExceptions().until(() -> rows(jdbc, devices) > before + 20);
        waitRandomly(random);
    }

    private static long rows(JdbcTemplate jdbc, Iterable<String> devices) {
        long rows = 0;
        for (String device : devices) {
            rows += jdbc.queryForObject("SELECT count(*) FROM telemetry WHERE device_id = ?", Long.class, device);
        }
        return rows;
    }

    /** A random moment: 0.2 to 2 s from now. */
    private static void waitRandomly(SplittableRandom random) throws InterruptedException {
        Thread.sleep(random.nextLong(200, 2_000));
    }

    /** Waits until every confirmed reading is a row, then tallies rows against what each device's sensor sent. */
    static ChaosOutcome tally(JdbcTemplate jdbc, String scenario, Map<String, Integer> sent, String detail) {
        await().atMost(catchUp()).ignoreExceptions().until(() -> sent.entrySet().stream()
                .allMatch(device -> readings(jdbc, device.getKey()) >= device.getValue()));
        long rows = rows(jdbc, sent.keySet());
        long readings = 0;
        for (String device : sent.keySet()) {
            readings += readings(jdbc, device);
        }
        long total = sent.values().stream().mapToLong(Integer::longValue).sum();
        return new ChaosOutcome(scenario, total, rows, total - readings, rows - readings, detail).report();
    }

    /** Nothing lost, nothing doubled, and each device's readings stored in the order they were taken. */
    static void assertExactlyOnceInOrder(JdbcTemplate jdbc, ChaosOutcome outcome, Iterable<String> devices) {
        assertThat(outcome.lost()).as("lost").isZero();
        assertThat(outcome.duplicated()).as("duplicated: %s", doubled(jdbc, devices)).isZero();
        for (String device : devices) {
            assertThat(jdbc.queryForList("SELECT (metrics->>'n')::int FROM telemetry WHERE device_id = ? ORDER BY seq",
                    Integer.class, device)).as(device + " in order").isSorted();
        }
    }

    /** Each reading stored more than once, with the identities (epoch/seq) and arrival times of its rows. */
    private static String doubled(JdbcTemplate jdbc, Iterable<String> devices) {
        StringBuilder doubled = new StringBuilder();
        for (String device : devices) {
            doubled.append(jdbc.queryForList("""
                    SELECT metrics->>'n' || ' as ' || string_agg(epoch || '/' || seq || ' at ' || received_at, ', ')
                    FROM telemetry WHERE device_id = ? GROUP BY metrics->>'n' HAVING count(*) > 1 LIMIT 10""",
                    String.class, device));
        }
        return doubled.toString();
    }

    /** Distinct readings (by their number {@code n}) stored for the device. */
    static long readings(JdbcTemplate jdbc, String device) {
        return jdbc.queryForObject("SELECT count(DISTINCT metrics->>'n') FROM telemetry WHERE device_id = ?",
                Long.class, device);
    }
}
