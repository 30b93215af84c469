package io.fleetmesh.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** CPU time of the hub, of the trucks' leaf servers and of this JVM (agents and sensors), read from /proc. */
final class CpuClock {

    private static final double TICKS_PER_SECOND = 100;

    private final LongSupplier hubPid;
    private final Supplier<List<Long>> leafPids;

    CpuClock(LongSupplier hubPid, Supplier<List<Long>> leafPids) {
        this.hubPid = hubPid;
        this.leafPids = leafPids;
    }

    Reading read() {
        double leaves = leafPids.get().stream().mapToDouble(CpuClock::seconds).sum();
        return new Reading(System.nanoTime(), seconds(hubPid.getAsLong()), leaves, jvmSeconds());
    }

    /** utime + stime of a process, in seconds; 0 if it is gone. */
    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    record Reading(long nanos, double hub, double leaves, double jvm) {

        /** Cores used between the two readings, as percentages of one core. */
        String since(Reading earlier) {
            double wall = (nanos - earlier.nanos) / 1e9;
            return "hub nats-server %.0f%%, leaf servers %.0f%%, agents + sensors JVM %.0f%% of one core".formatted(
                    100 * (hub - earlier.hub) / wall, 100 * (leaves - earlier.leaves) / wall,
                    100 * (jvm - earlier.jvm) / wall);
        }
    }
}
