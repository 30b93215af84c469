package io.fleetmesh.bench;

import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One load through one pipeline: from the first publish until every message is a row (or until nothing more was
 * stored for {@code stallSeconds}: what is missing then is lost), and what the rows say.
 */
record Phase(String name, LoadGenerator.Result sent, double seconds, StoredRows rows) {

    static Phase measure(String name, Callable<LoadGenerator.Result> load, LongSupplier stored, JdbcTemplate jdbc,
                         int stallSeconds) throws Exception {
        long before = stored.getAsLong();
        long fromMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        LoadGenerator.Result sent = load.call();
        awaitStored(stored, before + sent.sent(), stallSeconds);
        double seconds = IngestBenchmark.seconds(start);
        Phase phase = new Phase(name, sent, seconds, StoredRows.between(jdbc, fromMillis, System.currentTimeMillis() + 1));
        System.out.println("  " + phase);
        return phase;
    }

    double rate() {
        return sent.sent() / seconds;
    }

    long lost() {
        return rows.lost(sent.sent());
    }

    @Override
    public String toString() {
        return ("%s: sent %,d (published in %.1f s, %d refused), stored %,d, lost %,d, duplicated %,d; %,.0f msgs/s end"
                + " to end; %s").formatted(name, sent.sent(), sent.seconds(), sent.failed(), rows.rows(), lost(),
                rows.duplicated(), rate(), rows.latency());
    }

    private static void awaitStored(LongSupplier stored, long target, int stallSeconds) throws InterruptedException {
        long last = stored.getAsLong();
        long lastChange = System.nanoTime();
        long lastReport = System.nanoTime();
        while (last < target && IngestBenchmark.seconds(lastChange) < stallSeconds) {
            Thread.sleep(20);
            long now = stored.getAsLong();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
            if (IngestBenchmark.seconds(lastReport) >= 5) {
                lastReport = System.nanoTime();
                System.out.printf("    %,d of %,d stored%n", last, target);
            }
        }
    }
}
