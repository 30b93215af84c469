package io.fleetmesh.local;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.NatsServer;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The quick start: a hub nats-server (Debian's package), PostgreSQL (embedded binaries from Maven) and fleet-api,
 * with their data under {@code .fleetmesh/} so a second start finds the first one's devices. Ctrl-C stops all.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("fleetmesh.home", ".fleetmesh")).toAbsolutePath();
        int httpPort = Integer.getInteger("fleetmesh.http-port", 8080);
        Database database = Database.persistent(home.resolve("postgres"));
        NatsServer hub = NatsServer.hub(home.resolve("hub"), 4222, 1883, 8222, 7422).start();
        ConfigurableApplicationContext api = new SpringApplicationBuilder(FleetApiApplication.class).run(
                "--fleetmesh.db.url=" + database.jdbcUrl(),
                "--fleetmesh.db.username=" + database.username(),
                "--fleetmesh.db.password=" + database.password(),
                "--fleetmesh.nats.urls=" + hub.url(),
                "--fleetmesh.http.port=" + httpPort,
                // Plain console logs for a person; pass -Dfleetmesh.log-format=ecs for structured ones.
                "--fleetmesh.log.format=" + System.getProperty("fleetmesh.log-format", ""));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(api, hub, database)));
        printWelcome(httpPort, hub);
    }

    private static void printWelcome(int httpPort, NatsServer hub) {
        String url = "http://127.0.0.1:" + httpPort;
        System.out.printf("""

                Fleetmesh is running: %s
                  REST API   %s/api/v1/devices   (OpenAPI: %s/v3/api-docs, Swagger UI: %s/swagger-ui.html)
                  health     %s/actuator/health   metrics: %s/actuator/prometheus
                  NATS hub   %s   MQTT 3.1.1: %s
                Ctrl-C stops everything; data stays in .fleetmesh/.
                %n""", url, url, url, url, url, url, hub.url(), hub.mqttUrl());
    }

    private static void stop(ConfigurableApplicationContext api, NatsServer hub, Database database) {
        api.close();
        hub.stop();
        database.close();
    }
}
