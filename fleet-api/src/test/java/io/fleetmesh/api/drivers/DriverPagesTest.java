package io.fleetmesh.api.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The drivers page over real HTTP: a driver added with their name escaped, refusals explained, removed; viewers look. */
class DriverPagesTest extends IntegrationTest {

    private static final String PASSWORD = "a long dispatcher password";

    @Test
    void anOperatorAddsAndRemovesADriverFromThePage() throws Exception {
        FormSession session = new FormSession(baseUrl()).logIn(operator("OPERATOR"), PASSWORD);
        String code = "PG" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        session.submit("/drivers", "/drivers", "name=Eva+%3Cb%3EKo&identifier=" + code + "&licenceExpires=2021-05-31");
        String page = session.page("/drivers").body();
        assertThat(page).contains("Driver Eva &lt;b&gt;Ko added.", code, "2021-05-31", "expired").doesNotContain("Eva <b>");

        session.submit("/drivers", "/drivers", "name=Twice&identifier=" + code.toLowerCase());
        assertThat(session.page("/drivers").body()).contains("Not added: A driver with this identifier is registered already.");
        session.submit("/drivers", "/drivers", "name=Late&identifier=L1&licenceExpires=31.05.2027");
        assertThat(session.page("/drivers").body()).contains("Not added: dates are YYYY-MM-DD");

        String id = get("/api/v1/drivers").json().valueStream().filter(d -> d.get("identifier").stringValue().equals(code))
                .findFirst().orElseThrow().get("id").stringValue();
        session.submit("/drivers", "/drivers/" + id + "/delete", "");
        assertThat(get("/api/v1/drivers/" + id).status()).isEqualTo(404);
    }

    @Test
    void aViewerSeesTheDriversButCannotAddOne() throws Exception {
        FormSession viewer = new FormSession(baseUrl()).logIn(operator("VIEWER"), PASSWORD);
        assertThat(viewer.page("/drivers").statusCode()).isEqualTo(200);
        assertThat(viewer.submit("/drivers", "/drivers", "name=V&identifier=V1").statusCode()).isEqualTo(403);
    }

    private String operator(String role) {
        String username = "drv-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}")
                .formatted(username, PASSWORD, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}
