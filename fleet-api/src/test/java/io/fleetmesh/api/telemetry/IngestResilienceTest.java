package io.fleetmesh.api.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.FleetApiApplication;
import io.fleetmesh.api.TestInfrastructure;
import io.fleetmesh.devkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** fleet-api restarted mid-stream, and the hub restarted under a running fleet-api: nothing lost, nothing doubled. */
class IngestResilienceTest {

    private static final int MESSAGES = 6_000;
    private final TestInfrastructure infrastructure = TestInfrastructure.shared();
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            infrastructure.database().jdbcUrl(), infrastructure.database().username(), infrastructure.database().password()));
    private NatsServer hub;

    @BeforeEach
    void ownHub() {
        // Its own hub, so the shared test application's consumer cannot pick up the readings for it.
        hub = NatsServer.hub(TestInfrastructure.tempDir("restart-hub")).start();
    }

    @AfterEach
    void stopHub() {
        hub.stop();
    }

    @Test
    void noReadingIsLostOrDuplicatedAcrossARestart() throws Exception {
        String device = "restart-" + System.nanoTime();
        ConfigurableApplicationContext first = start();
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES ('00000000-0000-0000-0000-000000000001', ?, 'r', 'van')", device);

        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> publish(device));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(device) > MESSAGES / 4);
        first.close();
        int storedBeforeRestart = rows(device);

        ConfigurableApplicationContext second = start();
        try {
            publisher.get();
            await().atMost(Duration.ofSeconds(60)).until(() -> rows(device) == MESSAGES);
            assertThat(storedBeforeRestart).isLessThan(MESSAGES);
            assertThat(jdbc.queryForObject("SELECT count(DISTINCT (metrics->>'n')::int) FROM telemetry WHERE device_id = ?",
                    Integer.class, device)).isEqualTo(MESSAGES);
            assertThat(jdbc.queryForObject("SELECT min((metrics->>'n')::int) + max((metrics->>'n')::int) FROM telemetry WHERE device_id = ?",
                    Integer.class, device)).isEqualTo(MESSAGES - 1);
        } finally {
            second.close();
        }
    }

    @Test
    void ingestResumesOnItsOwnAfterTheHubRestarts() throws Exception {
        String device = "outage-" + System.nanoTime();
        try (ConfigurableApplicationContext api = start()) {
            jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES ('00000000-0000-0000-0000-000000000001', ?, 'o', 'van')", device);
            publishOne(device, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> rows(device) == 1);

            hub.stop();
            HealthIndicator nats = api.getBean("nats", HealthIndicator.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> nats.health().getStatus().equals(Status.DOWN));
            hub.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> nats.health().getStatus().equals(Status.UP));
            publishOne(device, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(device) == 2);
        }
    }

    private void publishOne(String device, int n) throws Exception {
        try (Connection connection = Nats.connect(hub.url())) {
            connection.jetStream().publish("fleet.%s.telemetry.reefer".formatted(device),
                    "{\"ts\": \"%s\", \"n\": %d}".formatted(Instant.now(), n).getBytes(StandardCharsets.UTF_8));
        }
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments: they outrank application.yml, which builder properties would not.
        String[] arguments = infrastructure.properties(hub).entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(FleetApiApplication.class).run(arguments);
    }

    private void publish(String device) {
        try (Connection connection = Nats.connect(hub.url())) {
            JetStream js = connection.jetStream();
            Instant start = Instant.now().minusSeconds(MESSAGES);
            for (int n = 0; n < MESSAGES; n++) {
                String payload = "{\"ts\": \"%s\", \"n\": %d, \"temp\": 4.5}".formatted(start.plusSeconds(n), n);
                js.publish("fleet.%s.telemetry.reefer".formatted(device), payload.getBytes(StandardCharsets.UTF_8));
                if (n % 500 == 0) {
                    Thread.sleep(100); // a steady stream, so the restart lands in the middle of it
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int rows(String device) {
        return jdbc.queryForObject("SELECT count(*) FROM telemetry WHERE device_id = ?", Integer.class, device);
    }
}
