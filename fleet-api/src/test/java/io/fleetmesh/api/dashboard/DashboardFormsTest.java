package io.fleetmesh.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.TestInfrastructure;
import io.fleetmesh.api.identity.CurrentTenant;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's forms over real HTTP (post, redirect, get), each doing what its REST twin does, refusing bad
 * input on the page, and closed to viewers.
 */
class DashboardFormsTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anAlertIsAcknowledgedThenResolvedWithCommentsAndNotTwice() throws Exception {
        String device = uniqueId("form-alert");
        createDevice(device);
        String alert = alert(device);
        FormSession operator = new FormSession(baseUrl()).logIn("admin", TestInfrastructure.ADMIN_PASSWORD);

        assertThat(operator.submit("/alerts", "/alerts/" + alert + "/acknowledge", "comment=on+it").statusCode()).isEqualTo(302);
        assertThat(operator.page("/alerts?device=" + device).body()).contains("Alert acknowledged.", "ACKNOWLEDGED",
                "acknowledged by admin: on it");
        assertThat(operator.submit("/alerts", "/alerts/" + alert + "/resolve", "comment=fixed").statusCode()).isEqualTo(302);
        assertThat(get("/api/v1/alerts/" + alert).json().get("resolved").get("comment").stringValue()).isEqualTo("fixed");
        operator.submit("/alerts", "/alerts/" + alert + "/acknowledge", "comment=again");
        assertThat(operator.page("/alerts").body()).contains("Not acknowledged: An alert that is RESOLVED cannot be acknowledged.");
    }

    @Test
    void rulesAndGeofencesAreCreatedFromTheirPagesAndBadOnesExplained() throws Exception {
        FormSession operator = new FormSession(baseUrl()).logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        String key = uniqueId("form-rule");
        operator.submit("/rules", "/rules", "key=" + key + "&expression=reefer.temp+%3E+-10+severity+CRITICAL&runsOn=EDGE");
        assertThat(get("/api/v1/rules").body()).contains(key, "reefer.temp > -10 severity CRITICAL");
        operator.submit("/rules", "/rules", "key=" + key + "&expression=reefer.temp+%3E+-8&existing=true&runsOn=CLOUD");
        assertThat(get("/api/v1/rules").body()).contains("reefer.temp > -8");
        operator.submit("/rules", "/rules", "key=bad-rule&expression=rm+-rf");
        assertThat(operator.page("/rules").body()).contains("Not saved: expression is not");

        String name = uniqueId("depot");
        operator.submit("/geofences", "/geofences", "name=" + name + "&lat=52.5&lon=13.4&radius=500&alertOn=EXIT&severity=WARNING");
        assertThat(get("/api/v1/geofences").body()).contains(name, "\"radiusMeters\":500.0");
        operator.submit("/geofences", "/geofences", "name=" + name + "-area&polygon=52.5,13.4%0A52.6,13.4%0A52.6,13.5"
                + "&alertOn=ENTER&severity=INFO");
        assertThat(get("/api/v1/geofences").body()).contains(name + "-area");
        operator.submit("/geofences", "/geofences", "name=nowhere&lat=north&alertOn=ENTER&severity=INFO");
        assertThat(operator.page("/geofences").body()).contains("Not created: give a circle");
    }

    @Test
    void aViewerSeesThePagesButNoFormOfTheirsChangesAnything() throws Exception {
        String device = uniqueId("form-viewer");
        createDevice(device);
        String alert = alert(device);
        String viewer = uniqueId("viewer");
        postJson("/api/v1/operators", "{\"username\": \"%s\", \"password\": \"a long viewer password\", \"role\": \"VIEWER\"}"
                .formatted(viewer));
        FormSession session = new FormSession(baseUrl()).logIn(viewer, "a long viewer password");

        for (String page : new String[] {"/", "/alerts", "/commands", "/rules", "/geofences", "/imports", "/devices/" + device,
                "/reports", "/reports?kind=SUMMARY&tag=test"}) {
            assertThat(session.page(page).statusCode()).as(page).isEqualTo(200);
        }
        assertThat(statusOf(session.submit("/alerts", "/alerts/" + alert + "/acknowledge", "comment=x"))).isEqualTo(403);
        assertThat(statusOf(session.submit("/rules", "/rules", "key=viewer-rule&expression=reefer.temp+%3E+1"))).isEqualTo(403);
        assertThat(statusOf(session.submit("/geofences", "/geofences", "name=v&lat=1&lon=1&radius=1&alertOn=ENTER&severity=INFO")))
                .isEqualTo(403);
        assertThat(statusOf(session.submit("/commands", "/commands/fanout", "tag=test&type=ping"))).isEqualTo(403);
        assertThat(get("/api/v1/alerts/" + alert).json().get("state").stringValue()).isEqualTo("ACTIVE");
    }

    private String alert(String device) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO alerts (id, tenant_id, device_id, rule_id, source, severity, state, message,"
                + " first_raised_at, last_raised_at, count, backfilled) VALUES (?::uuid, ?, ?, 'form-probe', 'CLOUD',"
                + " 'WARNING', 'ACTIVE', 'probe', now(), now(), 1, false)", id, CurrentTenant.DEFAULT, device);
        return id;
    }

    private static int statusOf(HttpResponse<String> response) {
        return response.statusCode();
    }
}
