package io.fleetmesh.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dashboard as a browser without scripts uses it: a cookie jar, form login, forms posted with their CSRF token. */
public final class FormSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern FILE_FORM = Pattern.compile("<form[^>]*enctype=\"multipart/form-data\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public FormSession(String base) {
        this.base = base;
    }

    public FormSession logIn(String username, String password) throws Exception {
        HttpResponse<String> loggedIn = form("/login", "username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8), csrf(page("/login").body()));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return this;
    }

    /** The token of the first form on the page. */
    public static String csrf(String html) {
        Matcher csrf = CSRF.matcher(html);
        assertThat(csrf.find()).as("the form carries a CSRF token").isTrue();
        return csrf.group(1);
    }

    /** Posts url-encoded fields, with the token if not null. */
    public HttpResponse<String> form(String path, String fields, String csrf) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(csrf == null ? fields : fields + "&_csrf=" + csrf)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the form with the token of the page it is on, as a browser does. */
    public HttpResponse<String> submit(String pagePath, String action, String fields) throws Exception {
        return form(action, fields, csrf(page(pagePath).body()));
    }

    /**
     * Sends the page's file form (its only multipart one) as a browser builds it: to the form's action, the fields in
     * their order, then the file.
     */
    public HttpResponse<String> upload(String pagePath, Map<String, String> fields, String fileName, byte[] file)
            throws Exception {
        Matcher action = FILE_FORM.matcher(page(pagePath).body());
        assertThat(action.find()).as("the page has a file form").isTrue();
        String boundary = "----fleetmesh" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n")
                .formatted(boundary, name, value).getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").formatted(boundary, fileName).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return browser.send(HttpRequest.newBuilder(URI.create(base + action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
