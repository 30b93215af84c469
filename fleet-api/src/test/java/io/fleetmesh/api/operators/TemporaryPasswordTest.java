package io.fleetmesh.api.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** An operator given a temporary password may only change it, over the API as on the dashboard. */
class TemporaryPasswordTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aTemporaryPasswordOpensNothingButItsOwnChange() {
        String name = uniqueId("temp");
        assertThat(postJson("/api/v1/operators", """
                {"username": "%s", "password": "a temporary password", "role": "OPERATOR", "temporaryPassword": true}"""
                .formatted(name)).status()).isEqualTo(201);
        Client temporary = as(basic(name, "a temporary password"));

        Response refused = temporary.get("/api/v1/devices");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("title").stringValue()).isEqualTo("Password change required");
        assertThat(temporary.send("PUT", "/api/v1/operators/me/password", """
                {"currentPassword": "a temporary password", "newPassword": "a temporary password"}""",
                MediaType.APPLICATION_JSON).status()).as("the same again").isEqualTo(400);
        assertThat(temporary.send("PUT", "/api/v1/operators/me/password", """
                {"currentPassword": "a temporary password", "newPassword": "one of my own choosing"}""",
                MediaType.APPLICATION_JSON).status()).isEqualTo(204);

        assertThat(as(basic(name, "one of my own choosing")).get("/api/v1/devices").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT password_change_required FROM operators WHERE username = ?",
                Boolean.class, name)).isFalse();
    }
}
