package io.fleetmesh.api.reportschedules;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The report schedules page over real HTTP: made with the name escaped, a refusal explained, sent, deleted; viewers look. */
class ReportSchedulePagesTest extends IntegrationTest {

    private static final String PASSWORD = "a long dispatcher password";

    @Test
    void anOperatorMakesSendsAndDeletesAScheduleFromThePage() throws Exception {
        String operator = operator("OPERATOR");
        FormSession session = new FormSession(baseUrl()).logIn(operator, PASSWORD);
        String address = "page-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        session.submit("/reports/schedules", "/reports/schedules", "name=Daily+%3Cb%3Etrips&kind=TRIPS&frequency=DAILY"
                + "&zone=Europe%2FBerlin&format=PDF&recipients=&emails=" + address);
        String page = session.page("/reports/schedules").body();
        assertThat(page).contains("Schedule Daily &lt;b&gt;trips created.", address, "daily (Europe/Berlin)", "Trips, PDF")
                .doesNotContain("Daily <b>");

        session.submit("/reports/schedules", "/reports/schedules", "name=Bad&kind=TRIPS&frequency=DAILY&zone=Mars"
                + "&emails=" + address);
        assertThat(session.page("/reports/schedules").body()).contains("Not created: zone must be an IANA time zone");

        JsonNode schedule = get("/api/v1/report-schedules").json().valueStream()
                .filter(s -> s.get("emails").toString().contains(address)).findFirst().orElseThrow();
        String id = schedule.get("id").stringValue();
        session.submit("/reports/schedules", "/reports/schedules/" + id + "/send-now", "");
        assertThat(session.page("/reports/schedules").body()).contains("is SENT.");
        session.submit("/reports/schedules", "/reports/schedules/" + id + "/delete", "");
        assertThat(get("/api/v1/report-schedules/" + id).status()).isEqualTo(404);
    }

    @Test
    void aViewerSeesTheSchedulesButCannotMakeOne() throws Exception {
        FormSession viewer = new FormSession(baseUrl()).logIn(operator("VIEWER"), PASSWORD);
        assertThat(viewer.page("/reports/schedules").statusCode()).isEqualTo(200);
        assertThat(viewer.submit("/reports/schedules", "/reports/schedules", "name=V&kind=TRIPS&frequency=DAILY"
                + "&emails=v@example.org").statusCode()).isEqualTo(403);
    }

    private String operator(String role) {
        String username = "rsp-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}")
                .formatted(username, PASSWORD, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}
