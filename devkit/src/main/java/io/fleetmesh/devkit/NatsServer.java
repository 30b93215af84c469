package io.fleetmesh.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real nats-server process (Debian's package) with JetStream and an MQTT listener, on loopback ports.
 * Used by the local platform, the tests and the benchmarks; it is never a mock.
 */
public final class NatsServer implements AutoCloseable {

    private final String name;
    private final Path dir;
    private final int clientPort;
    private final int mqttPort;
    private final int httpPort;
    private final int leafPort;
    private String operatorMode = "";
    private String cluster = "";
    private Process process;

    private NatsServer(String name, Path dir, int clientPort, int mqttPort, int httpPort, int leafPort) {
        this.name = name;
        this.dir = dir;
        this.clientPort = clientPort;
        this.mqttPort = mqttPort;
        this.httpPort = httpPort;
        this.leafPort = leafPort;
    }

    /**
     * Decentralized auth: the operator's JWT, its system account, and a full resolver (accounts pushed to it are
     * stored under the server's directory) preloaded with these account JWTs (public key to JWT).
     */
    public NatsServer withOperator(String operatorJwt, String systemAccount, Map<String, String> accounts) {
        String preload = accounts.entrySet().stream().map(e -> "    " + e.getKey() + ": \"" + e.getValue() + "\"")
                .collect(Collectors.joining("\n"));
        operatorMode = """
                operator: "%s"
                system_account: %s
                resolver {
                  type: full
                  dir: "%s"
                  allow_delete: false
                  interval: "2m"
                }
                resolver_preload {
                %s
                }
                """.formatted(operatorJwt, systemAccount, dir.resolve("jwt"), preload);
        return this;
    }

    /**
     * One node of a hub cluster (JetStream domain {@code hub} across the cluster) on free ports: routes to every
     * node's cluster port (its own included, which nats-server ignores). See {@link NatsCluster}.
     */
    static NatsServer clusterNode(Path dir, String name, int clusterPort, List<Integer> routePorts) {
        NatsServer node = new NatsServer(name, dir, Ports.free(), Ports.free(), Ports.free(), Ports.free());
        String routes = routePorts.stream().map(port -> "nats-route://127.0.0.1:" + port).collect(Collectors.joining(", "));
        node.cluster = "cluster {\n  name: fleetmesh\n  listen: 127.0.0.1:" + clusterPort + "\n  routes: [" + routes
                + "]\n}\n";
        return node;
    }

    /** A hub (JetStream domain {@code hub}) on free ports, its store under {@code dir}. */
    public static NatsServer hub(Path dir) {
        return hub(dir, Ports.free(), Ports.free(), Ports.free(), Ports.free());
    }

    /** A hub on the given ports (the local platform's well-known 4222, 1883, 8222, 7422). */
    public static NatsServer hub(Path dir, int clientPort, int mqttPort, int httpPort, int leafPort) {
        return new NatsServer("hub", dir, clientPort, mqttPort, httpPort, leafPort);
    }

    /**
     * Starts the server and waits for its ports; one that does not come up is killed. Refuses to start a second
     * process over a running one: the first would be left running, out of reach of {@link #stop()}.
     */
    public NatsServer start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " nats-server in " + dir + " is running already");
        }
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve(name + ".conf");
            Files.writeString(config, config());
            process = new ProcessBuilder(binary(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile()))
                    .start();
            awaitPorts();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start nats-server in " + dir, e);
        }
    }

    private void awaitPorts() {
        try {
            awaitPort(clientPort, Duration.ofSeconds(20));
            awaitPort(mqttPort, Duration.ofSeconds(20));
            awaitPort(leafPort, Duration.ofSeconds(20));
        } catch (RuntimeException notUp) {
            kill();
            throw notUp;
        }
    }

    private String config() {
        return """
                server_name: %s
                listen: 127.0.0.1:%d
                http: 127.0.0.1:%d
                jetstream {
                  store_dir: "%s"
                  domain: hub
                }
                mqtt {
                  listen: 127.0.0.1:%d
                }
                leafnodes {
                  listen: 127.0.0.1:%d
                }
                %s%s""".formatted(name, clientPort, httpPort, dir.resolve("jetstream"), mqttPort, leafPort, cluster,
                operatorMode);
    }

    /** Stops the server gracefully (what an operator's restart does). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    /** kill -9: the server loses whatever it had not written. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String lastLogLine() {
        try (var lines = Files.lines(dir.resolve(name + ".log"))) {
            return lines.filter(line -> !line.isBlank()).reduce((first, second) -> second).orElse("(empty log)");
        } catch (IOException e) {
            return "(no log in " + dir + ")";
        }
    }

    /** The running server's process id (benchmarks read its CPU time). */
    public long pid() {
        return process.pid();
    }

    public String url() {
        return "nats://127.0.0.1:" + clientPort;
    }

    public String mqttUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    /** Where trucks' leaf servers connect. */
    public String leafUrl() {
        return "nats-leaf://127.0.0.1:" + leafPort;
    }

    public int mqttPort() {
        return mqttPort;
    }

    public String monitorUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public void close() {
        stop();
    }

    static String binary() {
        String configured = System.getenv("FLEETMESH_NATS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/sbin/nats-server")) ? "/usr/sbin/nats-server" : "nats-server";
    }


    private void awaitPort(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nats-server exited with " + process.exitValue() + ": " + lastLogLine());
            }
            if (Ports.accepts(port)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("nats-server did not open port " + port + " within " + timeout);
    }


    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
