package io.fleetmesh.api.rollouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rollouts page over real HTTP: an administrator uploads a package, starts and pauses a rollout from its forms;
 * operators only look.
 */
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
    void anAdministratorUploadsAPackageFromThePageAndARefusedOneLeavesNothing() throws Exception {
        FormSession admin = new FormSession(baseUrl()).logIn(operator("ADMIN"), PASSWORD);
        String name = "form-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] bytes = new byte[300 * 1024 + 5];
        new Random(19).nextBytes(bytes);

        HttpResponse<String> sent = admin.upload("/rollouts", fields(name, "file"), "maps.bin", bytes);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(admin.page("/rollouts").body()).contains("Package " + name + "@1.0 uploaded (307205 bytes).");
        Response stored = get("/api/v1/packages/%s/1.0".formatted(name));
        assertThat(stored.json().get("digest").stringValue()).isEqualTo("SHA-256=" + sha256(bytes));
        assertThat(stored.json().get("description").stringValue()).isEqualTo("night <b>maps");

        admin.upload("/rollouts", fields(name + "-x", "sofa"), "maps.bin", bytes);
        assertThat(admin.page("/rollouts").body()).contains("Not uploaded: A package is an agent, firmware or a file.");
        assertThat(get("/api/v1/packages/%s-x/1.0".formatted(name)).status()).isEqualTo(404);
        admin.upload("/rollouts", fields(name, "file"), "maps.bin", new byte[] {1});
        assertThat(admin.page("/rollouts").body()).contains("Not uploaded: Version 1.0 of " + name + " is uploaded already");
    }

    @Test
    void onlyAnAdministratorUploadsAndNeverWithoutTheFormsToken() throws Exception {
        String name = "form-" + UUID.randomUUID().toString().substring(0, 8);
        FormSession operator = new FormSession(baseUrl()).logIn(operator("OPERATOR"), PASSWORD);
        assertThat(operator.upload("/rollouts", fields(name, "file"), "a.bin", new byte[] {1}).statusCode()).isEqualTo(403);
        FormSession admin = new FormSession(baseUrl()).logIn(operator("ADMIN"), PASSWORD);
        assertThat(admin.form("/packages", "name=" + name + "&version=1.0&kind=file", null).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/packages/%s/1.0".formatted(name)).status()).isEqualTo(404);
    }

    private static Map<String, String> fields(String name, String kind) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("version", "1.0");
        fields.put("kind", kind);
        fields.put("target", "");
        fields.put("description", "night <b>maps");
        return fields;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return Base64.getUrlEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
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
