package io.fleetmesh.api.taps;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.TestInfrastructure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The taps page over real HTTP: create, the tap's figures, a refusal explained, reset, delete; viewers only look. */
class TapPagesTest extends IntegrationTest {

    @Test
    void anAdministratorCreatesResetsAndDeletesATapFromThePage() throws Exception {
        FormSession admin = new FormSession(baseUrl()).logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        String name = uniqueId("page-tap");
        admin.submit("/taps", "/taps", "name=" + name + "&source=telemetry&filter=" + encoded("fleet.*.cmd.<b>")
                + "&start=new");
        assertThat(admin.page("/taps").body()).contains("Not done: ", "within its stream").doesNotContain("<b>");

        admin.submit("/taps", "/taps", "name=" + name + "&source=telemetry&filter=" + encoded("fleet.*.telemetry.reefer")
                + "&start=all");
        String page = admin.page("/taps").body();
        assertThat(page).contains("Tap " + name + " reads fleet.*.telemetry.reefer.", "data-tap=\"" + name + "\"",
                "_TAP_INBOX." + name, "reading");
        assertThat(get("/api/v1/taps/" + name).json().get("source").stringValue()).isEqualTo("telemetry");

        admin.submit("/taps", "/taps/" + name + "/reset", "sequence=1");
        assertThat(admin.page("/taps").body()).contains("Tap " + name + " reads from sequence 1 on.");
        admin.submit("/taps", "/taps/" + name + "/pause", "paused=true");
        assertThat(admin.page("/taps").body()).as("an open hub has nothing to withhold").contains("Not done: ", "open hub");
        admin.submit("/taps", "/taps/" + name + "/delete", "");
        assertThat(get("/api/v1/taps/" + name).status()).isEqualTo(404);
        assertThat(get("/api/v1/audit").body()).contains("tap-deleted");
    }

    @Test
    void aViewerSeesTheTapsButCannotChangeThem() throws Exception {
        String viewer = uniqueId("tap-viewer");
        postJson("/api/v1/operators", "{\"username\": \"%s\", \"password\": \"a long viewer password\", \"role\": \"VIEWER\"}"
                .formatted(viewer));
        FormSession session = new FormSession(baseUrl()).logIn(viewer, "a long viewer password");
        assertThat(session.page("/taps").statusCode()).isEqualTo(200);
        assertThat(session.submit("/taps", "/taps", "name=viewer-tap&source=telemetry").statusCode()).isEqualTo(403);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
