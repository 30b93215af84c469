package io.fleetmesh.api;

import io.fleetmesh.devkit.Database;
import io.fleetmesh.devkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One real PostgreSQL and one real hub nats-server for the whole test JVM; stopped when the JVM exits. */
public final class TestInfrastructure {

    private static TestInfrastructure shared;

    private final Database database;
    private final NatsServer hub;
    private final MailServer mail = new MailServer().start();
    private final Path exports = tempDir("exports");
    private Connection client;

    private TestInfrastructure(Database database, NatsServer hub) {
        this.database = database;
        this.hub = hub;
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            shared = new TestInfrastructure(Database.temporary(), NatsServer.hub(tempDir("hub")).start());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory("fleetmesh-" + prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where taps' exports are written in the tests. */
    public Path exports() {
        return exports;
    }

    public Database database() {
        return database;
    }

    /** The SMTP server fleet-api sends notifications to. */
    public MailServer mail() {
        return mail;
    }

    public NatsServer hub() {
        return hub;
    }

    /** One client connection to the hub for the whole JVM, as a device publishes. */
    public synchronized Connection client() {
        try {
            if (client == null) {
                client = Nats.connect(Options.builder().server(hub.url()).maxReconnects(-1).build());
            }
            return client;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first administrator's password in the test database (a test value, not a secret). */
    public static final String ADMIN_PASSWORD = "integration-admin-password";

    /** Spring properties pointing fleet-api at this database and at the given hub. */
    public Map<String, Object> properties(NatsServer hubServer) {
        return Map.ofEntries(
                Map.entry("fleetmesh.db.url", database.jdbcUrl()),
                Map.entry("fleetmesh.db.username", database.username()),
                Map.entry("fleetmesh.db.password", database.password()),
                Map.entry("fleetmesh.nats.urls", hubServer.url()),
                Map.entry("fleetmesh.ingest.ack-wait", "5s"),
                Map.entry("fleetmesh.security.admin-password", ADMIN_PASSWORD),
                Map.entry("fleetmesh.alerts.offline-check", "500ms"),
                Map.entry("fleetmesh.maintenance.check", "2s"),
                // tests run scheduled reports at the moments they choose (ScheduledReportsTest)
                Map.entry("fleetmesh.report-schedules.tick", "6h"),
                // and rollouts' steps (RolloutsTest)
                Map.entry("fleetmesh.rollouts.tick", "6h"),
                // and taps' monitor (TapsApiTest)
                Map.entry("fleetmesh.taps.monitor-interval", "6h"),
                // and subject mappings' catch-up (SubjectMappingsApiTest)
                Map.entry("fleetmesh.mappings.catch-up-interval", "6h"),
                // and exports' (TapExportsTest), into a directory of their own
                Map.entry("fleetmesh.exports.interval", "6h"),
                Map.entry("fleetmesh.exports.directory", exports.toString()),
                Map.entry("fleetmesh.webhooks.allow-private", "true"),
                // PackagesTest sends one byte too many
                Map.entry("fleetmesh.packages.max-size", "4MB"),
                Map.entry("fleetmesh.mail.host", "127.0.0.1"),
                Map.entry("fleetmesh.mail.port", String.valueOf(mail.port())),
                Map.entry("fleetmesh.http.port", "0"));
    }

    private void stop() {
        mail.stop();
        hub.stop();
        database.close();
    }
}
