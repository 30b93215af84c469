package io.fleetmesh.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What systemd does for the agent on a gateway (edge-agent/dist/fleetmesh-agent.service), in a test: run the guard
 * ({@code ExecStartPre}), then {@code java -jar} the jar, and start both again whenever the agent exits
 * ({@code Restart=always}), until closed.
 */
final class Systemd implements AutoCloseable {

    private static final Path GUARD = Path.of("..", "edge-agent", "dist", "fleetmesh-agent-guard");

    private final Path jar;
    private final Path configFile;
    private final File log;
    private final AtomicInteger starts = new AtomicInteger();
    private final Thread supervisor;
    private volatile boolean running = true;
    private volatile Process agent;

    Systemd(Path jar, Path configFile) {
        this.jar = jar;
        this.configFile = configFile;
        this.log = configFile.resolveSibling("agent.log").toFile();
        supervisor = new Thread(this::supervise, "systemd-" + jar.getFileName());
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** How many times the agent's jar was started. */
    int starts() {
        return starts.get();
    }

    private void supervise() {
        while (running) {
            try {
                run(new ProcessBuilder("sh", GUARD.toString(), jar.toString(), "2"));
                agent = start(new ProcessBuilder(java(), "-Xmx64m", "-jar", jar.toString(), configFile.toString()));
                starts.incrementAndGet();
                agent.waitFor();
                Thread.sleep(200); // RestartSec
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
    }

    private void run(ProcessBuilder command) throws IOException, InterruptedException {
        if (start(command).waitFor() != 0) {
            throw new IOException("ExecStartPre failed: " + command.command());
        }
    }

    private Process start(ProcessBuilder command) throws IOException {
        return command.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        Process last = agent;
        if (last != null) {
            last.destroy();
            last.waitFor();
        }
        supervisor.join(10_000);
    }
}
