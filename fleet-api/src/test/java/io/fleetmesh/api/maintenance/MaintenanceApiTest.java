package io.fleetmesh.api.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Schedules against a device's real counters (set as an operator reads them off the truck), services, refusals. */
class MaintenanceApiTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aUsedTruckIsCountedFromWhenTheScheduleBeganUntilOverdueAndAServiceResetsIt() {
        String device = uniqueId("serviced");
        createDevice(device);
        odometer(device, 150_000);
        String schedule = postJson("/api/v1/maintenance/schedules", """
                {"name": "Oil %s", "device": "%s", "everyKm": 30000, "everyDays": 180}""".formatted(device, device))
                .json().get("id").stringValue();

        JsonNode fresh = status(device);
        assertThat(fresh.get("state").stringValue()).isEqualTo("OK");
        assertThat(fresh.get("kmLeft").doubleValue()).isEqualTo(30_000.0);
        assertThat(fresh.get("daysLeft").longValue()).isEqualTo(180);
        odometer(device, 177_500);
        assertThat(status(device).get("state").stringValue()).isEqualTo("DUE_SOON");
        odometer(device, 181_000);
        JsonNode overdue = status(device);
        assertThat(overdue.get("state").stringValue()).isEqualTo("OVERDUE");
        assertThat(overdue.get("kmLeft").doubleValue()).isEqualTo(-1_000.0);
        assertThat(get("/api/v1/maintenance").body()).contains(device, "OVERDUE");

        Response serviced = postJson("/api/v1/devices/%s/maintenance/%s/services".formatted(device, schedule),
                "{\"note\": \"oil and filter\", \"cost\": 240.50}");
        assertThat(serviced.status()).isEqualTo(201);
        assertThat(serviced.json().get("state").stringValue()).isEqualTo("OK");
        assertThat(serviced.json().get("kmLeft").doubleValue()).isEqualTo(30_000.0);
        assertThat(serviced.json().get("lastServiceOn").stringValue()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(get("/api/v1/maintenance").body()).doesNotContain(device);
    }

    @Test
    void becomingOverdueMailsTheSubscribedOperatorOnce() throws Exception {
        String device = uniqueId("overdue");
        createDevice(device);
        odometer(device, 100_000);
        String operator = "mech-" + device.substring(device.length() - 8);
        postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"a long mechanic password\","
                + " \"role\": \"OPERATOR\"}").formatted(operator));
        send("PUT", "/api/v1/operators/%s/contact".formatted(operator), "{\"email\": \"%s@example.com\"}"
                .formatted(operator), MediaType.APPLICATION_JSON);
        assertThat(postJson("/api/v1/notification-rules", ("{\"name\": \"workshop\", \"events\": [\"maintenance\"],"
                + " \"device\": \"%s\", \"recipients\": [\"%s\"], \"rateWindowSeconds\": 0}").formatted(device, operator))
                .status()).isEqualTo(201);
        postJson("/api/v1/maintenance/schedules", "{\"name\": \"Brakes\", \"device\": \"%s\", \"everyKm\": 10000}"
                .formatted(device));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("SELECT count(*) FROM maintenance_states"
                + " WHERE device_id = ?", Integer.class, device) == 1);

        odometer(device, 111_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> infrastructure.mail().receivedBy(operator + "@example.com")
                .size() == 1);
        assertThat(infrastructure.mail().receivedBy(operator + "@example.com").get(0).getSubject())
                .contains("WARNING", device, "Brakes overdue");
        odometer(device, 112_000);
        Response serviced = postJson("/api/v1/devices/%s/maintenance".formatted(device) + "/"
                + status(device).get("scheduleId").stringValue() + "/services", "{}");
        assertThat(serviced.json().get("state").stringValue()).isEqualTo("OK");
        assertThat(get("/api/v1/notifications?limit=500").json().valueStream()
                .filter(e -> device.equals(e.path("deviceId").stringValue(""))).count()).isEqualTo(1);
    }

    @Test
    void aTagScheduleCountsEachOfItsDevicesAndNoOther() {
        String tagged = uniqueId("tagged");
        createDevice(tagged);
        String other = uniqueId("untagged");
        postJson("/api/v1/devices", "{\"id\": \"%s\", \"name\": \"Van\", \"kind\": \"van\"}".formatted(other));
        String tag = "maint-" + tagged.substring(tagged.length() - 8);
        send("PUT", "/api/v1/devices/" + tagged, "{\"name\": \"Truck\", \"kind\": \"reefer-truck\", \"tags\": [\"%s\"]}"
                .formatted(tag), MediaType.APPLICATION_JSON);
        assertThat(postJson("/api/v1/maintenance/schedules", "{\"name\": \"Reefer\", \"tag\": \"%s\", \"everyEngineHours\": 500}"
                .formatted(tag)).status()).isEqualTo(201);
        assertThat(get("/api/v1/devices/%s/maintenance".formatted(tagged)).body()).contains("Reefer");
        assertThat(get("/api/v1/devices/%s/maintenance".formatted(other)).body()).doesNotContain("Reefer");
    }

    @Test
    void schedulesAndServicesThatCannotBeAreRefused() {
        String device = uniqueId("refused");
        createDevice(device);
        assertThat(postJson("/api/v1/maintenance/schedules", "{\"name\": \"Nothing\"}").status()).isEqualTo(400);
        assertThat(postJson("/api/v1/maintenance/schedules", ("{\"name\": \"Both\", \"device\": \"%s\", \"tag\": \"test\","
                + " \"everyDays\": 30}").formatted(device)).status()).isEqualTo(400);
        assertThat(postJson("/api/v1/maintenance/schedules", "{\"name\": \"Bad\", \"everyKm\": -5}").status()).isEqualTo(400);
        String schedule = postJson("/api/v1/maintenance/schedules", ("{\"name\": \"Inspection\", \"device\": \"%s\","
                + " \"onDate\": \"2030-01-31\"}").formatted(device)).json().get("id").stringValue();
        assertThat(postJson("/api/v1/devices/%s/maintenance/%s/services".formatted(device, schedule),
                "{\"date\": \"%s\"}".formatted(LocalDate.now(ZoneOffset.UTC).plusDays(2))).status()).isEqualTo(400);
        Response done = postJson("/api/v1/devices/%s/maintenance/%s/services".formatted(device, schedule), "{}");
        assertThat(done.json().get("state").stringValue()).isEqualTo("DONE");
    }

    private void odometer(String device, double km) {
        Response set = send("PUT", "/api/v1/devices/%s/odometer".formatted(device),
                "{\"odometerMeters\": %s, \"engineHours\": 4000}".formatted(km * 1000), MediaType.APPLICATION_JSON);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private JsonNode status(String device) {
        return get("/api/v1/devices/%s/maintenance".formatted(device)).json().get(0);
    }
}
