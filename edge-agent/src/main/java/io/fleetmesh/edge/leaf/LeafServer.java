package io.fleetmesh.edge.leaf;

import io.fleetmesh.edge.config.AgentConfig;
import io.fleetmesh.protocol.MappingsOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the truck's leaf nats-server and keeps it running: if it exits, it is started again after a backoff that
 * doubles up to 30 s and resets once the server has stayed up for a minute.
 */
public final class LeafServer implements AutoCloseable {

    private static final Logger log = Logger.getLogger(LeafServer.class.getName());
    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STABLE = Duration.ofMinutes(1);

    private final AgentConfig config;
    private final DiskBudget disk;
    private final LeafMappings mappings;
    private final Path configFile;
    private volatile boolean running;
    private volatile Process process;
    private Thread supervisor;

    public LeafServer(AgentConfig config, DiskBudget disk, LeafMappings mappings) {
        this.config = config;
        this.disk = disk;
        this.mappings = mappings;
        this.configFile = config.dataDir().resolve("leaf.conf");
    }

    public void start() throws IOException {
        Files.createDirectories(config.dataDir());
        Files.writeString(configFile, LeafServerConfig.render(config, disk, mappings.render()));
        stopOrphan();
        running = true;
        process = launch();
        supervisor = new Thread(this::supervise, "leaf-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /**
     * New mappings for the leaf: its configuration with them is checked by nats-server itself ({@code -t}) before
     * anything changes, so a configuration the leaf would not start with is never kept; then they are recorded, the
     * configuration is moved into place and the server reloads it (SIGHUP): connections stay up. On 2.9.10 a
     * connection's first message on a subject after the reload may still take the old route (measured, ADR 0014).
     */
    public void apply(MappingsOrder next) throws IOException, InterruptedException {
        Path candidate = configFile.resolveSibling("leaf.conf.next");
        Files.writeString(candidate, LeafServerConfig.render(config, disk, LeafMappings.render(next)));
        run(config.natsServer(), "-t", "-c", candidate.toString());
        mappings.applied(next);
        Files.move(candidate, configFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        run("kill", "-HUP", Long.toString(process.pid()));
    }

    /** Its output into a file, so a command that hangs is stopped after 10 s rather than read from forever. */
    private static void run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("leaf-check", ".log");
        try {
            Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean exited = run.waitFor(10, TimeUnit.SECONDS);
            if (!exited) {
                run.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            if (!exited || run.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + (exited ? " failed: " : " timed out: ")
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The current server's process id (tests kill it to prove the supervision). */
    public long pid() {
        return process.pid();
    }

    private Process launch() throws IOException {
        log.info(() -> "starting leaf nats-server for " + config.deviceId() + " on port " + config.natsPort());
        ProcessBuilder builder = new ProcessBuilder(config.natsServer(), "-c", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(config.dataDir().resolve("leaf.log").toFile()));
        if (config.leafMemoryLimit() > 0) {
            // Go returns memory to the system lazily; a soft limit keeps the gateway's RSS flat (bin/bench footprint).
            builder.environment().put("GOMEMLIMIT", Long.toString(config.leafMemoryLimit()));
        }
        Process started = builder.start();
        Files.writeString(pidFile(), Long.toString(started.pid()));
        return started;
    }

    /**
     * A leaf left running by an agent that was killed (kill -9 does not reach children) still holds the ports
     * and the store: stop it gracefully before starting ours.
     */
    private void stopOrphan() throws IOException {
        if (!Files.exists(pidFile())) {
            return;
        }
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile()).trim()))
                .filter(p -> p.info().command().map(c -> c.contains("nats-server")).orElse(false))
                .ifPresent(orphan -> {
                    log.warning("stopping the leaf nats-server left running by a previous agent, pid " + orphan.pid());
                    orphan.destroy();
                    orphan.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> {
                        orphan.destroyForcibly();
                        return orphan;
                    }).join();
                });
    }

    private Path pidFile() {
        return config.dataDir().resolve("leaf.pid");
    }

    private void supervise() {
        Duration backoff = MIN_BACKOFF;
        while (running) {
            long startedAt = System.nanoTime();
            int exit = waitForExit();
            if (!running) {
                return;
            }
            backoff = System.nanoTime() - startedAt > STABLE.toNanos() ? MIN_BACKOFF : backoff;
            log.warning("leaf nats-server exited with " + exit + "; restarting in " + backoff.toMillis() + " ms");
            sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            relaunch();
        }
    }

    private void relaunch() {
        try {
            if (running) {
                process = launch();
            }
        } catch (IOException e) {
            log.log(Level.WARNING, "cannot start the leaf nats-server", e);
        }
    }

    private int waitForExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Stops the server gracefully (SIGTERM, then kill after 10 s) and stops supervising it. */
    @Override
    public void close() {
        running = false;
        Process current = process;
        if (current != null && current.isAlive()) {
            current.destroy();
            try {
                if (!current.waitFor(10, TimeUnit.SECONDS)) {
                    current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
