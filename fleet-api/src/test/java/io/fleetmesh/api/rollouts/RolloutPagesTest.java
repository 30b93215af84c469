package io.fleetmesh.api.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rollouts page over real HTTP: an administrator starts and pauses one from its forms; operators only look. */
class RolloutPagesTest extends IntegrationTest {

    private static final String PASSWORD = "a long dispatcher password";

    @Test
    void anAdministratorStartsAndPausesARolloutFromThePage() throws Exception {
        String pkg = upload();
        String truck = uniqueId("paged");
        createDevice(truck);
        FormSession admin = new FormSession(baseUrl()).logIn(operator("ADMIN"), PASSWORD);
        assertThat(admin.page("/rollouts").body()).contains(pkg + "@1.0");

        admin.submit("/rollouts", "/rollouts", "name=Night+%3Cb%3Ebuild&package=" + pkg + "%401.0&devices=" + truck
                + "&canary=0&percents=100");
        String page = admin.page("/rollouts").body();
        assertThat(page).contains("Rollout Night &lt;b&gt;build started.", "RUNNING", "1 waiting").doesNotContain("<b>build");

        String id = get("/api/v1/rollouts").json().valueStream().filter(r -> r.get("packageName").stringValue().equals(pkg))
                .findFirst().orElseThrow().get("id").stringValue();
        admin.submit("/rollouts", "/rollouts/" + id + "/pause", "");
        assertThat(admin.page("/rollouts").body()).contains("is paused now.");
        admin.submit("/rollouts", "/rollouts", "name=Bad&package=" + pkg + "%401.0&devices=" + truck + "&percents=ten");
        assertThat(admin.page("/rollouts").body()).contains("Not started: percents are whole numbers");
    }

    @Test
    void anOperatorSeesRolloutsButCannotStartOne() throws Exception {
        FormSession operator = new FormSession(baseUrl()).logIn(operator("OPERATOR"), PASSWORD);
        assertThat(operator.page("/rollouts").statusCode()).isEqualTo(200);
        assertThat(operator.submit("/rollouts", "/rollouts", "name=x&package=a%401").statusCode()).isEqualTo(403);
    }

    private String upload() throws Exception {
        String name = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/packages/%s/1.0?kind=file".formatted(name)))
                .header("Authorization", adminKey()).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {7})).build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        return name;
    }

    private String operator(String role) {
        String username = "ota-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"%s\", \"role\": \"%s\"}")
                .formatted(username, PASSWORD, role));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }
}
