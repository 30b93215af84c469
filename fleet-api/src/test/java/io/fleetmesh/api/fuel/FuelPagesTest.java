package io.fleetmesh.api.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.protocol.Subjects;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The device page's fuel section over real HTTP: settings from its form, a refuel listed, a refusal explained. */
class FuelPagesTest extends IntegrationTest {

    private static final String PASSWORD = "a long dispatcher password";

    @Test
    void anOperatorSetsTheTankOnTheDevicePageAndSeesARefuelThere() throws Exception {
        String device = uniqueId("fuel-page");
        createDevice(device);
        String page = "/devices/" + device;
        FormSession session = new FormSession(baseUrl()).logIn(operator("OPERATOR"), PASSWORD);
        assertThat(session.page(page).body()).contains("Fuel is not analysed for this device");

        session.submit(page, page + "/fuel-settings", "tankLitres=lots&unit=percent&channel=engine&metric=fuel");
        assertThat(session.page(page).body()).contains("Fuel settings not saved: the tank size is a number of litres");
        Instant at = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 80; i++, at = at.plusSeconds(10)) { // parked, 25 % of 200 l, filled to 90 % from minute 5
            double percent = i < 30 ? 25 : i < 36 ? 25 + (i - 29) * 65.0 / 6 : 90;
            nats.jetStream().publish(Subjects.telemetry(device, "engine"), "{\"ts\": \"%s\", \"fuel\": %s, \"rpm\": 0}"
                    .formatted(at, percent).getBytes(StandardCharsets.UTF_8));
        }
        session.submit(page, page + "/fuel-settings", "tankLitres=200&unit=percent&channel=engine&metric=fuel");
        assertThat(session.page(page).body()).contains("Fuel of a 200 l tank is analysed from engine.fuel");

        await().atMost(Duration.ofSeconds(30)).until(() -> session.page(page).body().contains("<td>Refuel</td>"));
        assertThat(session.page(page).body()).contains("180 l", "Save fuel settings", "Stop analysing fuel");
        session.submit(page, page + "/fuel-settings/delete", "");
        assertThat(session.page(page).body()).contains("Fuel is no longer analysed for " + device);
    }

    @Test
    void aViewerCannotChangeTheTank() throws Exception {
        String device = uniqueId("fuel-viewer");
        createDevice(device);
        FormSession viewer = new FormSession(baseUrl()).logIn(operator("VIEWER"), PASSWORD);
        assertThat(viewer.submit("/devices/" + device, "/devices/" + device + "/fuel-settings", "tankLitres=300")
                .statusCode()).isEqualTo(403);
    }

    private String operator(String role) {
        String username = "fuel-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}")
                .formatted(username, PASSWORD, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}
