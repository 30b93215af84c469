package io.fleetmesh.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The edge agent as a gateway runs it: the runnable jar in a JVM of its own, with the systemd unit's flags, its
 * settings in its environment ({@code FLEETMESH_AGENT_*}) and an otherwise empty properties file. Closing it stops
 * it as systemd does (SIGTERM, the agent's shutdown hook).
 */
final class AgentProcess implements AutoCloseable {

    /** The same flags as edge-agent/dist/fleetmesh-agent.service. */
    static final List<String> JVM_FLAGS = List.of("-Xms8m", "-Xmx24m", "-XX:MaxHeapFreeRatio=20", "-XX:MinHeapFreeRatio=10",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m", "-XX:MaxMetaspaceSize=48m", "-Xss512k");

    private final Process process;

    private AgentProcess(Process process) {
        this.process = process;
    }

    /** {@code dir}: where its (empty) properties file and its log go. */
    static AgentProcess start(Path dir, Map<String, String> settings) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve("agent.properties"), "");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar().toString(), file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("agent.log").toFile()));
        builder.environment().putAll(settings);
        return new AgentProcess(builder.start());
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static Path jar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("edge-agent", "target"), "edge-agent-*-all.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new IllegalStateException("no edge-agent/target/edge-agent-*-all.jar: run ./mvnw package first");
    }
}
