package io.fleetmesh.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Authentication, roles, API key lifecycle, login throttling and the audit log, over real HTTP. */
class AccessTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PasswordEncoder passwords;

    @Test
    void withoutCredentialsTheApiAnswers401AsAProblemAndDoesNotInviteBasic() {
        Response response = as(null).get("/api/v1/devices");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("title").stringValue()).isEqualTo("Unauthorized");
        assertThat(as("Bearer fmk_000000000000_" + "0".repeat(64)).get("/api/v1/devices").status()).isEqualTo(401);
        assertThat(as("Bearer not-a-key").get("/api/v1/devices").status()).isEqualTo(401);
    }

    @Test
    void viewersRead_operatorsAlsoWrite_onlyAdminsManageAccess() {
        String viewer = "Bearer " + createKey(adminKey(), "VIEWER");
        String operator = "Bearer " + createKey(adminKey(), "OPERATOR");
        String device = uniqueId("roles");
        String body = """
                {"id": "%s", "name": "Van", "kind": "van", "tags": []}""".formatted(device);

        assertThat(as(viewer).get("/api/v1/devices").status()).isEqualTo(200);
        assertThat(as(viewer).send("POST", "/api/v1/devices", body, MediaType.APPLICATION_JSON).status()).isEqualTo(403);
        assertThat(as(operator).send("POST", "/api/v1/devices", body, MediaType.APPLICATION_JSON).status()).isEqualTo(201);
        assertThat(as(operator).get("/api/v1/api-keys").status()).isEqualTo(403);
        assertThat(as(operator).get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(as(viewer).send("DELETE", "/api/v1/devices/" + device, null, null).status()).isEqualTo(403);
        assertThat(as(operator).send("DELETE", "/api/v1/devices/" + device, null, null).status()).isEqualTo(204);
    }

    @Test
    void aKeyIsShownOnceStoredHashedAndRefusedOnceRevoked() {
        Response created = as(adminKey()).send("POST", "/api/v1/api-keys", """
                {"name": "dispatch", "role": "OPERATOR", "validFor": "P30D"}""", MediaType.APPLICATION_JSON);
        String token = created.json().get("token").stringValue();
        String id = created.json().get("key").get("id").stringValue();
        assertThat(as("Bearer " + token).get("/api/v1/devices").status()).isEqualTo(200);
        assertThat(get("/api/v1/api-keys").body()).contains(id).doesNotContain(token.substring(18));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE encode(secret_hash, 'hex') LIKE ?",
                Integer.class, "%" + token.substring(18) + "%")).isZero();

        assertThat(delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
        assertThat(as("Bearer " + token).get("/api/v1/devices").status()).isEqualTo(401);
        assertThat(get("/api/v1/audit").body()).contains("api-key-created", "api-key-revoked");
    }

    @Test
    void anExpiredKeyIsRefused() {
        String token = createKey(adminKey(), "VIEWER");
        jdbc.update("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE prefix = ?", token.substring(4, 16));
        assertThat(as("Bearer " + token).get("/api/v1/devices").status()).isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheNameEvenAgainstTheRightOne() {
        String username = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO operators (id, tenant_id, username, password_hash, role) VALUES (?, ?, ?, ?, 'VIEWER')",
                UUID.randomUUID(), CurrentTenant.DEFAULT, username, passwords.encode("the-right-password"));
        assertThat(as(basic(username, "the-right-password")).get("/api/v1/devices").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(as(basic(username, "wrong-" + i)).get("/api/v1/devices").status()).isEqualTo(401);
        }
        assertThat(as(basic(username, "the-right-password")).get("/api/v1/devices").status()).isEqualTo(401);
        // in the operator's tenant, so its administrators see the attempts
        assertThat(jdbc.queryForList("SELECT detail FROM audit_log WHERE action = 'login-failed' AND actor = ?"
                + " AND tenant_id = ?", String.class, username, CurrentTenant.DEFAULT))
                .containsOnly("wrong password", "throttled").hasSize(6);
    }

    @Test
    void anOperatorChangesTheirOwnPasswordAndAKeyHasNone() {
        String username = "changer-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(postJson("/api/v1/operators", """
                {"username": "%s", "password": "the-first-password", "role": "VIEWER"}""".formatted(username))
                .status()).isEqualTo(201);
        String change = "{\"currentPassword\": \"%s\", \"newPassword\": \"the-second-password\"}";
        assertThat(as(basic(username, "the-first-password")).send("PUT", "/api/v1/operators/me/password",
                change.formatted("not-the-password"), MediaType.APPLICATION_JSON).status()).isEqualTo(400);
        assertThat(as(basic(username, "the-first-password")).send("PUT", "/api/v1/operators/me/password",
                change.formatted("the-first-password"), MediaType.APPLICATION_JSON).status()).isEqualTo(204);
        assertThat(as(basic(username, "the-first-password")).get("/api/v1/devices").status()).isEqualTo(401);
        assertThat(as(basic(username, "the-second-password")).get("/api/v1/devices").status()).isEqualTo(200);
        assertThat(send("PUT", "/api/v1/operators/me/password", change.formatted("x"), MediaType.APPLICATION_JSON)
                .status()).isEqualTo(403);
        assertThat(get("/api/v1/audit").body()).contains("password-changed", "operator-created");
    }

    @Test
    void responsesCarrySecurityHeaders() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/api/v1/devices")).header("Authorization", adminKey()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }
}
