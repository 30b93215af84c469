package io.fleetmesh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a figure was measured on: printed above every benchmark's results. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return "machine: %s, %d cores, %d GiB RAM; Java %s; %s".formatted(cpuModel(),
                Runtime.getRuntime().availableProcessors(), totalMemoryGiB(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The servers' versions, as their own commands print them. */
    static String versions() {
        return "versions: %s; %s".formatted(firstLine("nats-server", "--version"), firstLine("/usr/sbin/mosquitto", "-h"));
    }

    private static String firstLine(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output.lines().findFirst().orElse(command[0] + " (no output)");
        } catch (IOException | InterruptedException e) {
            return command[0] + " (not found)";
        }
    }

    private static String cpuModel() {
        return readLines("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }

    private static long totalMemoryGiB() {
        return readLines("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024 * 1024)).findFirst().orElse(0L);
    }

    private static String readLines(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
