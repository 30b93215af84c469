package io.fleetmesh.systemtests;

import io.fleetmesh.devkit.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** fleet-api as its own JVM, as a replica in production, so a test can kill -9 it. */
final class FleetApiProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private FleetApiProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with these {@code --name=value} arguments and waits until it is ready. */
    static FleetApiProcess start(Path log, List<String> arguments) throws Exception {
        int port = Ports.free();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), "io.fleetmesh.api.FleetApiApplication",
                "--fleetmesh.http.port=" + port, "--fleetmesh.log.format="));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        FleetApiProcess api = new FleetApiProcess(process, port);
        try {
            api.awaitReady(Duration.ofSeconds(120));
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
        return api;
    }

    /** The readings this replica stored, from its Prometheus endpoint. */
    double storedReadings() throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("fleetmesh_ingest_readings_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private void awaitReady(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("fleet-api exited with " + process.exitValue());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("fleet-api was not ready within " + timeout);
    }

    /** kill -9: no shutdown hook, no graceful stop; what it held unacknowledged the hub redelivers. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
