package io.fleetmesh.api.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.TestInfrastructure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The mappings page over real HTTP: add, dry-run, a refusal explained, remove, restore; viewers only look. */
class MappingPagesTest extends IntegrationTest {

    @Test
    void anAdministratorAddsDryRunsRemovesAndRestoresMappingsFromThePage() throws Exception {
        FormSession admin = new FormSession(baseUrl()).logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        int version = get("/api/v1/subject-mappings").json().get("version").intValue();
        admin.submit("/mappings", "/mappings", "source=" + encoded("pages.*.temp") + "&destination="
                + encoded("fleet.$1.telemetry.<b>") + "&weight=&version=" + version);
        assertThat(admin.page("/mappings").body()).contains("Not changed: ").doesNotContain("<b>");

        admin.submit("/mappings", "/mappings", "source=" + encoded("pages.*.temp") + "&destination="
                + encoded("fleet.$1.telemetry.reefer") + "&weight=&version=" + version);
        String page = admin.page("/mappings").body();
        assertThat(page).contains("Version " + (version + 1) + " is current", "pages.*.temp", "fleet.$1.telemetry.reefer (100 %)");
        assertThat(admin.page("/mappings?sample=pages.t-3.temp").body()).contains("fleet.t-3.telemetry.reefer (100 %)");

        admin.submit("/mappings", "/mappings/0/delete", "version=" + (version + 1));
        assertThat(get("/api/v1/subject-mappings").json().get("rules").size()).isZero();
        admin.submit("/mappings", "/mappings/versions/%d/restore".formatted(version + 1), "");
        assertThat(get("/api/v1/subject-mappings").json().get("rules").get(0).get("source").stringValue())
                .isEqualTo("pages.*.temp");
        admin.submit("/mappings", "/mappings", "source=a.*&destination=b.$1&version=" + version);
        assertThat(admin.page("/mappings").body()).as("made from a stale version").contains("Not changed: ", "is the current one now");
    }

    @Test
    void aViewerSeesTheMappingsButCannotChangeThem() throws Exception {
        String viewer = uniqueId("map-viewer");
        postJson("/api/v1/operators", "{\"username\": \"%s\", \"password\": \"a long viewer password\", \"role\": \"VIEWER\"}"
                .formatted(viewer));
        FormSession session = new FormSession(baseUrl()).logIn(viewer, "a long viewer password");
        assertThat(session.page("/mappings").statusCode()).isEqualTo(200);
        assertThat(session.submit("/mappings", "/mappings", "source=a.*&destination=b.$1&version=0").statusCode())
                .isEqualTo(403);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
