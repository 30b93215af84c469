package io.fleetmesh.api.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.TestInfrastructure;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's devices page over real HTTP, as a browser without scripts uses it: form login with its CSRF
 * token, then the page; a device's name is shown as text, never as markup.
 */
class DevicePagesTest extends IntegrationTest {

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anOperatorLogsInAndSeesDevicesWithTheirNamesEscaped() throws Exception {
        String id = uniqueId("page");
        assertThat(postJson("/api/v1/devices", """
                {"id": "%s", "name": "<script>alert(1)</script>", "kind": "reefer-truck", "tags": ["north"]}"""
                .formatted(id)).status()).isEqualTo(201);
        assertThat(page("/devices").statusCode()).as("not logged in").isEqualTo(302);

        logIn();
        HttpResponse<String> devices = page("/devices?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8));
        assertThat(devices.statusCode()).isEqualTo(200);
        assertThat(devices.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(devices.body()).contains(id, "&lt;script&gt;alert(1)&lt;/script&gt;", "<label for=\"q\">")
                .doesNotContain("<script>alert(1)");
        assertThat(page("/devices?q=nothing-is-called-this").body()).contains("No device matches");
        assertThat(page("/css/fleetmesh.css").statusCode()).isEqualTo(200);
    }

    private void logIn() throws Exception {
        String form = page("/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(TestInfrastructure.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private HttpResponse<String> page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
