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
        assertThat(page("/devices").statusCode()).as("not logged in").isEqualTo(302);

        logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        HttpResponse<String> devices = page("/devices?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8));
        assertThat(devices.statusCode()).isEqualTo(200);
        assertThat(devices.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(devices.body()).contains(id, "&lt;script&gt;alert(1)&lt;/script&gt;", "<label for=\"q\">")
                .doesNotContain("<script>alert(1)");
        assertThat(page("/devices?q=nothing-is-called-this").body()).contains("No device matches");
        assertThat(page("/css/fleetmesh.css").statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorSendsACommandFromTheDevicesCommandsPageAndAViewerCannot() throws Exception {
        String id = uniqueId("form");
        createDevice(id);
        logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        String page = page("/devices/" + id + "/commands").body();
        assertThat(page).contains("No commands yet", "<label for=\"type\">");
        assertThat(form("/devices/" + id + "/commands", "type=ping&params=&ttl=PT10M", null).statusCode())
                .as("no CSRF token").isEqualTo(403);
        HttpResponse<String> sent = form("/devices/" + id + "/commands", "type=ping&params=&ttl=PT10M", csrf(page));
        assertThat(sent.statusCode()).isEqualTo(302);
        String after = page("/devices/" + id + "/commands").body();
        assertThat(after).contains("queued.", "ping", "QUEUED (CLOUD)");
        assertThat(get("/api/v1/devices/" + id + "/commands").json().get("items").size()).isOne();
        String refused = page("/devices/" + id + "/commands").body();
        assertThat(form("/devices/" + id + "/commands", "type=ping&params=not-json&ttl=PT10M", csrf(refused))
                .statusCode()).isEqualTo(302);
        assertThat(page("/devices/" + id + "/commands").body()).contains("params must be a JSON object");
        String invalid = page("/devices/" + id + "/commands").body();
        assertThat(form("/devices/" + id + "/commands", "type=Rm+-rf&ttl=PT10M", csrf(invalid)).statusCode()).isEqualTo(302);
        assertThat(page("/devices/" + id + "/commands").body()).contains("Not sent: type");

        String viewer = uniqueId("viewer");
        assertThat(postJson("/api/v1/operators", ("{\"username\": \"%s\", \"password\": \"a long viewer password\","
                + " \"role\": \"VIEWER\"}").formatted(viewer)).status()).isEqualTo(201);
        session = new FormSession(baseUrl());
        logIn(viewer, "a long viewer password");
        String viewed = page("/devices/" + id + "/commands").body();
        assertThat(form("/devices/" + id + "/commands", "type=ping", csrf(viewed)).statusCode()).isEqualTo(403);
    }

    private void logIn(String username, String password) throws Exception {
        session.logIn(username, password);
    }

    private static String csrf(String html) {
        return FormSession.csrf(html);
    }

    private HttpResponse<String> form(String path, String fields, String csrf) throws Exception {
        return session.form(path, fields, csrf);
    }

    private HttpResponse<String> page(String path) throws Exception {
        return session.page(path);
    }
}
