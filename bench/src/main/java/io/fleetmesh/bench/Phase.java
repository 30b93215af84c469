package io.fleetmesh.bench;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One load through one pipeline: from the first publish until every acknowledged message is a row (or until nothing
 * more was stored for {@code stallSeconds}: what is missing then is lost), what the rows say, and the CPU seconds
 * each process of the pipeline spent meanwhile.
 */
record Phase(String name, LoadGenerator.Result sent, double seconds, StoredRows rows, Map<String, Double> cpu) {

    static Phase measure(String name, Callable<LoadGenerator.Result> load, LongSupplier stored, JdbcTemplate jdbc,
                         int stallSeconds, ProcessCpu processes) throws Exception {
        long before = stored.getAsLong();
        Map<String, Double> cpuBefore = processes.read();
        long fromMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        LoadGenerator.Result sent = load.call();
        awaitStored(stored, before + sent.sent(), stallSeconds);
        double seconds = IngestBenchmark.seconds(start);
        Map<String, Double> cpu = ProcessCpu.between(cpuBefore, processes.read());
        Phase phase = new Phase(name, sent, seconds, StoredRows.between(jdbc, fromMillis, System.currentTimeMillis() + 1),
                cpu);
        System.out.println("  " + phase);
        return phase;
    }

    double rate() {
        return sent.sent() / seconds;
    }

    long lost() {
        return Math.max(0, rows.lost(sent.sent()));
    }

    /** CPU microseconds per stored reading, all processes together. */
    double cpuPerReading() {
        return cpu.values().stream().mapToDouble(Double::doubleValue).sum() * 1e6 / Math.max(1, rows.distinct());
    }

    @Override
    public String toString() {
        return ("%s: sent %,d (published in %.1f s, %d failed), stored %,d, lost %,d, duplicated %,d; %,.0f msgs/s end"
                + " to end; %s; CPU %.1f µs per stored reading (%s)").formatted(name, sent.sent(), sent.seconds(),
                sent.failed(), rows.rows(), lost(), rows.duplicated(), rate(), rows.latency(), cpuPerReading(),
                cpuSplit());
    }

    private String cpuSplit() {
        return cpu.entrySet().stream().map(role -> "%s %.1f".formatted(role.getKey(),
                role.getValue() * 1e6 / Math.max(1, rows.distinct()))).collect(Collectors.joining(", "));
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
