package io.fleetmesh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from /proc) of every process a pipeline runs on, by role: on a shared machine a pipeline's
 * CPU seconds per stored reading are steady where its throughput is not. Roles are named in the order given.
 */
final class ProcessCpu {

    private final Map<String, Supplier<List<Long>>> roles = new LinkedHashMap<>();

    /** The role's processes, looked up at each reading (PostgreSQL starts a process per connection). */
    ProcessCpu role(String name, Supplier<List<Long>> pids) {
        roles.put(name, pids);
        return this;
    }

    ProcessCpu role(String name, long pid) {
        return role(name, () -> List.of(pid));
    }

    /** CPU seconds of each role so far. */
    Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        roles.forEach((role, pids) -> seconds.put(role, pids.get().stream().mapToDouble(CpuClock::seconds).sum()));
        return seconds;
    }

    /** This JVM. */
    static long self() {
        return ProcessHandle.current().pid();
    }

    /**
     * Every PostgreSQL process on the machine: the benchmark's database is the only one it runs (a database already
     * running beside it would be counted too).
     */
    static List<Long> postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(ProcessCpu::isPostgres).map(dir -> Long.parseLong(dir.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** The CPU seconds between two readings, per role. */
    static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((role, seconds) -> used.put(role, Math.max(0, seconds - before.getOrDefault(role, 0.0))));
        return used;
    }
}
