package io.fleetmesh.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto broker (Debian's package) on a loopback port: the "third-party broker on the gateway". */
public final class Mosquitto implements AutoCloseable {

    private final int port;
    private final Process process;

    private Mosquitto(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static Mosquitto start(Path dir) throws IOException, InterruptedException {
        return start(dir, List.of());
    }

    /** {@code settings}: more lines of mosquitto.conf (limits, for the benchmarks' baseline). */
    public static Mosquitto start(Path dir, List<String> settings) throws IOException, InterruptedException {
        int port = Ports.free();
        Files.createDirectories(dir);
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n"
                + String.join("\n", settings) + "\n");
        Process process = new ProcessBuilder("/usr/sbin/mosquitto", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        for (int attempt = 0; attempt < 200 && !Ports.accepts(port); attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited; see " + dir);
            }
            Thread.sleep(50);
        }
        return new Mosquitto(port, process);
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The broker's process id (the benchmarks read its CPU time). */
    public long pid() {
        return process.pid();
    }


    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
