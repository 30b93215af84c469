package io.fleetmesh.api.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.TestInfrastructure;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's devices page over real HTTP, as a browser without scripts uses it: form login with its CSRF
 * token, then the page; a device's name is shown as text, never as markup.
 */
class DevicePagesTest extends IntegrationTest {

    private FormSession session;

    @BeforeEach
    void newSession() {
        session = new FormSession(baseUrl());
    }

    @Test
    void anOperatorLogsInAndSeesDevicesWithTheirNamesEscaped() throws Exception {
        String id = uniqueId("page");
        assertThat(postJson("/api/v1/devices", """
                {"id": "%s", "name": "<script>alert(1)</script>", "kind": "reefer-truck", "tags": ["north"]}"""
                .formatted(id)).status()).isEqualTo(201);
        assertThat(session.page("/devices").statusCode()).as("not logged in").isEqualTo(302);

        session.logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        HttpResponse<String> devices = session.page("/devices?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8));
        assertThat(devices.statusCode()).isEqualTo(200);
        assertThat(devices.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(devices.body()).contains(id, "&lt;script&gt;alert(1)&lt;/script&gt;", "<label for=\"q\">")
                .doesNotContain("<script>alert(1)");
        assertThat(session.page("/devices?q=nothing-is-called-this").body()).contains("No device matches");
        assertThat(session.page("/css/fleetmesh.css").statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorSendsACommandFromTheDevicesCommandsPageAndAViewerCannot() throws Exception {
        String id = uniqueId("form");
        createDevice(id);
        session.logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        String page = session.page("/devices/" + id + "/commands").body();
        assertThat(page).contains("No commands yet", "<label for=\"type\">");
        assertThat(session.form("/devices/" + id + "/commands", "type=ping&params=&ttl=PT10M", null).statusCode())
                .as("no CSRF token").isEqualTo(403);
        HttpResponse<String> sent = session.form("/devices/" + id + "/commands", "type=ping&params=&ttl=PT10M", FormSession.csrf(page));
        assertThat(sent.statusCode()).isEqualTo(302);
        String after = session.page("/devices/" + id + "/commands").body();
        assertThat(after).contains("queued.", "ping", "QUEUED (CLOUD)");
        assertThat(get("/api/v1/devices/" + id + "/commands").json().get("items").size()).isOne();
        String refused = session.page("/devices/" + id + "/commands").body();
        assertThat(session.form("/devices/" + id + "/commands", "type=ping&params=not-json&ttl=PT10M", FormSession.csrf(refused))
                .statusCode()).isEqualTo(302);
        assertThat(session.page("/devices/" + id + "/commands").body()).contains("params must be a JSON object");
        String invalid = session.page("/devices/" + id + "/commands").body();
        assertThat(session.form("/devices/" + id + "/commands", "type=Rm+-rf&ttl=PT10M", FormSession.csrf(invalid)).statusCode()).isEqualTo(302);
        assertThat(session.page("/devices/" + id + "/commands").body()).contains("Not sent: type");

        String viewer = uniqueId("viewer");
        assertThat(postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"a long viewer password\","
                + " \"role\": \"VIEWER\"}").formatted(viewer)).status()).isEqualTo(201);
        session = new FormSession(baseUrl());
        session.logIn(viewer, "a long viewer password");
        String viewed = session.page("/devices/" + id + "/commands").body();
        assertThat(session.form("/devices/" + id + "/commands", "type=ping", FormSession.csrf(viewed)).statusCode()).isEqualTo(403);
    }
}
