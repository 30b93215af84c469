package io.fleetmesh.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The notifications page over real HTTP: one's contact, a rule made and deleted, bad input explained, viewers only look. */
class NotificationPagesTest extends IntegrationTest {

    private static final String PASSWORD = "a long page password";

    @Test
    void anOperatorSetsTheirAddressAndMakesAndDeletesARuleFromThePage() throws Exception {
        String username = operator("OPERATOR");
        FormSession session = new FormSession(baseUrl()).logIn(username, PASSWORD);
        session.submit("/notifications", "/account/contact", "email=" + username + "%40example.com&language=de&zone=Europe%2FBerlin");
        String page = session.page("/notifications").body();
        assertThat(page).contains("Your contact details are saved.", "value=\"" + username + "@example.com\"");
        assertThat(get("/api/v1/operators").body()).contains(username + "@example.com", "Europe/Berlin");

        String name = "night-" + UUID.randomUUID().toString().substring(0, 6);
        session.submit("/notifications", "/notifications/rules", "name=" + name + "&events=alert&events=offline"
                + "&minSeverity=CRITICAL&tag=test&quietFrom=22%3A00&quietTo=06%3A00&zone=Europe%2FBerlin&rateWindowMinutes=10");
        assertThat(session.page("/notifications").body()).contains("Rule " + name + " created.", name, "alert, offline",
                "tag test", "22:00-06:00 Europe/Berlin", "a message per 10 min", username);
        String id = get("/api/v1/notification-rules").json().valueStream()
                .filter(r -> r.get("name").stringValue().equals(name)).findFirst().orElseThrow().get("id").stringValue();

        session.submit("/notifications", "/notifications/rules", "name=bad&events=everything&minSeverity=INFO");
        assertThat(session.page("/notifications").body()).contains("Not created: events may be alert");
        session.submit("/notifications", "/account/contact", "email=someone%0D%0ABcc%3A+x%40evil.example");
        assertThat(session.page("/notifications").body()).contains("Not saved: email must be a bare address");

        session.submit("/notifications", "/notifications/rules/" + id + "/delete", "");
        assertThat(get("/api/v1/notification-rules").body()).doesNotContain(id);
    }

    @Test
    void aViewerSeesTheRulesAndTheLogButCannotMakeARule() throws Exception {
        FormSession session = new FormSession(baseUrl()).logIn(operator("VIEWER"), PASSWORD);
        assertThat(session.page("/notifications").statusCode()).isEqualTo(200);
        assertThat(session.submit("/notifications", "/notifications/rules", "name=v&events=alert&minSeverity=INFO")
                .statusCode()).isEqualTo(403);
    }

    private String operator(String role) {
        String username = "pages-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}")
                .formatted(username, PASSWORD, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}
