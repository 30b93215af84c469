package io.fleetmesh.api.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The maintenance page and the device page's part over real HTTP: a schedule made, a service recorded, refusals. */
class MaintenancePagesTest extends IntegrationTest {

    private static final String PASSWORD = "a long workshop password";

    @Test
    void anOperatorSeesWhatIsOverdueAndRecordsTheServiceFromTheDevicePage() throws Exception {
        String device = uniqueId("page-maint");
        createDevice(device);
        odometer(device, 50_000);
        FormSession session = new FormSession(baseUrl()).logIn(operator("OPERATOR"), PASSWORD);
        String name = "Oil <b>" + device.substring(device.length() - 6);
        session.submit("/maintenance", "/maintenance/schedules", "name=" + name.replace(" ", "+").replace("<", "%3C")
                .replace(">", "%3E") + "&device=" + device + "&everyKm=20000&soonPercent=10");
        String made = session.page("/maintenance?all=true").body();
        assertThat(made).contains("created.", "Oil &lt;b&gt;", "20000 km").doesNotContain("Oil <b>");
        odometer(device, 71_000);
        assertThat(session.page("/maintenance").body()).contains(device, "OVERDUE", "-1000 km");

        String scheduleId = get("/api/v1/devices/%s/maintenance".formatted(device)).json().get(0).get("scheduleId").stringValue();
        session.submit("/devices/" + device, "/maintenance/devices/%s/schedules/%s/services".formatted(device, scheduleId),
                "back=device&note=oil+and+filter&cost=180.25");
        String page = session.page("/devices/" + device).body();
        assertThat(page).contains("Service recorded", "is OK now", "oil and filter", "180.25", "71000 km");
        assertThat(session.page("/maintenance").body()).doesNotContain(">" + device + "</a>");
    }

    @Test
    void badInputIsExplainedAndViewersOnlyLook() throws Exception {
        FormSession operator = new FormSession(baseUrl()).logIn(operator("OPERATOR"), PASSWORD);
        operator.submit("/maintenance", "/maintenance/schedules", "name=Nothing");
        assertThat(operator.page("/maintenance").body()).contains("Not created: A schedule needs everyKm");
        operator.submit("/maintenance", "/maintenance/schedules", "name=Bad&everyKm=ten");
        assertThat(operator.page("/maintenance").body()).contains("Not created: numbers are digits");
        operator.submit("/maintenance", "/maintenance/schedules", "name=Later&onDate=31.03.2027");
        assertThat(operator.page("/maintenance").body()).contains("Not created: dates are YYYY-MM-DD");

        FormSession viewer = new FormSession(baseUrl()).logIn(operator("VIEWER"), PASSWORD);
        assertThat(viewer.page("/maintenance").statusCode()).isEqualTo(200);
        assertThat(viewer.submit("/maintenance", "/maintenance/schedules", "name=v&everyDays=30").statusCode()).isEqualTo(403);
    }

    private void odometer(String device, double km) {
        assertThat(send("PUT", "/api/v1/devices/%s/odometer".formatted(device), "{\"odometerMeters\": %s}"
                .formatted(km * 1000), MediaType.APPLICATION_JSON).status()).isEqualTo(200);
    }

    private String operator(String role) {
        String username = "maint-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}")
                .formatted(username, PASSWORD, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}
