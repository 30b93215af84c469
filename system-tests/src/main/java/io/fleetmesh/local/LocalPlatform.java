package io.fleetmesh.local;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.FleetApiArguments;
import io.fleetmesh.devkit.NatsServer;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The quick start: a hub nats-server (Debian's package), PostgreSQL (embedded binaries from Maven), fleet-api and
 * three simulated trucks (edge agents with their own leaves), with their data under {@code .fleetmesh/} so a
 * second start finds the first one's devices. Ctrl-C stops all.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("fleetmesh.home", ".fleetmesh")).toAbsolutePath();
        int httpPort = Integer.getInteger("fleetmesh.http-port", 8080);
        Database database = Database.persistent(home.resolve("postgres"));
        NatsServer hub = NatsServer.hub(home.resolve("hub"), 4222, 1883, 8222, 7422).start();
        ConfigurableApplicationContext api = new SpringApplicationBuilder(FleetApiApplication.class).run(
                FleetApiArguments.of(database, hub,
                "--fleetmesh.http.port=" + httpPort,
                // Plain console logs for a person; pass -Dfleetmesh.log-format=ecs for structured ones.
                "--fleetmesh.log.format=" + System.getProperty("fleetmesh.log-format", "")).toArray(String[]::new));
        String apiUrl = "http://127.0.0.1:" + httpPort;
        SimulatedTrucks trucks = SimulatedTrucks.start(home, apiUrl, hub.url(), hub.leafUrl(), 3);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(trucks, api, hub, database)));
        printWelcome(httpPort, hub, trucks);
    }

    private static void printWelcome(int httpPort, NatsServer hub, SimulatedTrucks trucks) {
        String url = "http://127.0.0.1:" + httpPort;
        System.out.printf("""

                Fleetmesh is running: %s
                  REST API   %s/api/v1/devices   (OpenAPI: %s/v3/api-docs, Swagger UI: %s/swagger-ui.html)
                  health     %s/actuator/health   metrics: %s/actuator/prometheus
                  NATS hub   %s   MQTT 3.1.1: %s
                  trucks     truck-1..3, each an edge agent with its own leaf: %s
                Ctrl-C stops everything; data stays in .fleetmesh/.
                %n""", url, url, url, url, url, url, hub.url(), hub.mqttUrl(), String.join(", ", trucks.describe()));
    }

    private static void stop(SimulatedTrucks trucks, ConfigurableApplicationContext api, NatsServer hub,
                             Database database) {
        trucks.close();
        api.close();
        hub.stop();
        database.close();
    }
}
