package io.fleetmesh.local;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The quick start: a hub nats-server (Debian's package) in operator mode, PostgreSQL (embedded binaries from
 * Maven), fleet-api and three simulated trucks (edge agents with their own leaves, on credentials fleet-api issued), with their data under {@code .fleetmesh/} so a
 * second start finds the first one's devices. Ctrl-C stops all.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("fleetmesh.home", ".fleetmesh")).toAbsolutePath();
        int httpPort = Integer.getInteger("fleetmesh.http-port", 8080);
        // whatever has started is stopped on Ctrl-C, and also when a later step fails to start
        Deque<AutoCloseable> started = new ArrayDeque<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started)));
        try {
            start(home, httpPort, started);
        } catch (Exception e) {
            stop(started); // a live web server would otherwise keep the JVM, and the hook, from ever ending
            throw e;
        }
    }

    private static void start(Path home, int httpPort, Deque<AutoCloseable> started) throws Exception {
        Database database = Database.persistent(home.resolve("postgres"));
        started.push(database);
        LocalMesh mesh = LocalMesh.in(home);
        NatsServer hub = mesh.secure(NatsServer.hub(home.resolve("hub"), 4222, 1883, 8222, 7422)).start();
        started.push(hub);
        String adminPassword = adminPassword(home);
        ConfigurableApplicationContext api = new SpringApplicationBuilder(FleetApiApplication.class).run(
                FleetApiArguments.of(database, hub,
                "--fleetmesh.http.port=" + httpPort,
                "--fleetmesh.security.admin-password=" + adminPassword,
                "--fleetmesh.mesh.keys-dir=" + mesh.keysDir(),
                // Plain console logs for a person; pass -Dfleetmesh.log-format=ecs for structured ones.
                "--fleetmesh.log.format=" + System.getProperty("fleetmesh.log-format", "")).toArray(String[]::new));
        started.push(api);
        String apiUrl = "http://127.0.0.1:" + httpPort;
        SimulatedTrucks trucks = SimulatedTrucks.start(home, apiUrl, adminPassword, hub.url(), hub.leafUrl(), 3);
        started.push(trucks);
        printWelcome(httpPort, hub, trucks, adminPassword);
    }

    /** Generated at the first start and kept (readable by this user only) beside the data, never in the repository. */
    private static String adminPassword(Path home) throws IOException {
        Path file = home.resolve("admin-password");
        if (!Files.exists(file)) {
            byte[] random = new byte[15];
            new SecureRandom().nextBytes(random);
            OwnerOnlyFile.write(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        return Files.readString(file).trim();
    }

    private static void printWelcome(int httpPort, NatsServer hub, SimulatedTrucks trucks, String adminPassword) {
        String url = "http://127.0.0.1:" + httpPort;
        System.out.printf("""

                Fleetmesh is running: %s   (log in as admin / %s; kept in .fleetmesh/admin-password)
                  REST API   %s/api/v1/devices   (OpenAPI: %s/v3/api-docs, Swagger UI: %s/swagger-ui.html)
                  health     %s/actuator/health   metrics: %s/actuator/prometheus
                  NATS hub   %s   MQTT 3.1.1: %s
                  trucks     truck-1..3, each an edge agent with its own leaf: %s
                Ctrl-C stops everything; data stays in .fleetmesh/.
                %n""", url, adminPassword, url, url, url, url, url, hub.url(), hub.mqttUrl(), String.join(", ", trucks.describe()));
    }

    private static void stop(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }
}
