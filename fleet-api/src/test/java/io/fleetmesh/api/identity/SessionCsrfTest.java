package io.fleetmesh.api.identity;

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

/** An operator's browser session: form login needs its CSRF token, and so does every write riding on the cookie. */
class SessionCsrfTest extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void formLoginAndCookieWritesRequireTheCsrfToken() throws Exception {
        assertThat(login("forged-token").statusCode()).isEqualTo(403);
        HttpResponse<String> loggedIn = login(csrfToken());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

        String device = uniqueId("session");
        String body = "{\"id\": \"%s\", \"name\": \"Van\", \"kind\": \"van\", \"tags\": []}".formatted(device);
        assertThat(postDevice(body, null).statusCode()).isEqualTo(403);
        assertThat(postDevice(body, csrfToken()).statusCode()).isEqualTo(201);
        assertThat(get("/api/v1/audit").body()).contains("\"action\":\"login\"");
    }

    private HttpResponse<String> login(String csrf) throws Exception {
        String form = "username=admin&password=" + URLEncoder.encode(TestInfrastructure.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postDevice(String body, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/devices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session's current token, as the login page renders it (it changes at login). */
    private String csrfToken() throws Exception {
        String page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("login page with a CSRF field: %s", page).isTrue();
        return token.group(1);
    }
}
